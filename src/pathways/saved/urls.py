from django.urls import path

from . import views

app_name = "saved"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("occupations/<str:soc>/save/", views.save_occupation, name="save_occupation"),
    path("occupations/<str:soc>/remove/", views.remove_occupation, name="remove_occupation"),
]
