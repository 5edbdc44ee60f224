from django.urls import URLPattern, URLResolver, path

from . import views_public

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_public.program_list, name="list"),
    path("<int:pk>/", views_public.program_detail, name="detail"),
]
