from django.urls import URLPattern, URLResolver, path

from . import views, views_class_codes, views_manage

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("home/", views.dashboard, name="dashboard"),
    path("users/", views_manage.user_list, name="users"),
    path("users/invite/", views_manage.user_invite, name="user_invite"),
    path("users/<int:pk>/", views_manage.user_edit, name="user_edit"),
    path("users/<int:pk>/invite/", views_manage.user_reinvite, name="user_reinvite"),
    path("join/", views_class_codes.join, name="join"),
    path("class-codes/", views_class_codes.class_codes, name="class_codes"),
    path("class-codes/<int:pk>/", views_class_codes.class_code, name="class_code"),
    path(
        "class-codes/<int:pk>/sheet/", views_class_codes.class_code_sheet, name="class_code_sheet"
    ),
    path(
        "class-codes/<int:pk>/turn-off/",
        views_class_codes.class_code_turn_off,
        name="class_code_turn_off",
    ),
    path("invitation/<uidb64>/<token>/", views.InvitationView.as_view(), name="invitation"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
