from django.urls import URLPattern, path

from . import views_review, views_student

app_name = "placements"
urlpatterns: list[URLPattern] = [
    path("", views_student.home, name="home"),
    path("new/", views_student.new_placement, name="new"),
    path("<int:pk>/", views_student.placement, name="placement"),
    path("<int:pk>/hours/<int:entry_pk>/", views_student.edit_entry, name="edit_entry"),
    path("<int:pk>/hours/<int:entry_pk>/remove/", views_student.delete_entry, name="delete_entry"),
    path("<int:pk>/send/", views_student.send_link, name="send_link"),
    path("staff/", views_review.staff_list, name="staff"),
    path("<int:pk>/verify/", views_review.verify, name="verify"),
    path("supervisor/<str:token>/", views_review.supervisor, name="supervisor"),
]
