from django.urls import URLPattern, URLResolver, path

from . import views_employers, views_posting, views_public

app_name = "opportunities"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_public.opportunity_list, name="list"),
    path("<int:pk>/", views_public.opportunity_detail, name="detail"),
    path("<int:pk>/save/", views_public.save, name="save"),
    path("<int:pk>/apply/", views_public.apply, name="apply"),
    path("<int:pk>/close/", views_posting.close, name="close"),
    path("<int:pk>/applications/", views_posting.posting_applications, name="posting_applications"),
    path("<int:pk>/review/", views_posting.review, name="review"),
    path("mine/", views_public.mine, name="mine"),
    path("new/", views_posting.create, name="create"),
    path("posted/", views_posting.own, name="own"),
    path("applications/", views_posting.all_applications, name="applications"),
    path("review/", views_posting.review_queue, name="review_queue"),
    path("employers/signup/", views_employers.signup, name="signup"),
    path("employers/signup/done/", views_employers.signup_done, name="signup_done"),
    path("employers/review/", views_employers.employer_queue, name="employer_queue"),
    path("employers/<int:pk>/decide/", views_employers.employer_decide, name="employer_decide"),
]
