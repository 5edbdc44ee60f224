from django.urls import URLPattern, URLResolver, path

from pathways.core.pagecache import cache_for_visitors

from . import views_public

urlpatterns: list[URLPattern | URLResolver] = [
    path("", cache_for_visitors(views_public.program_list), name="list"),
    path("<int:pk>/", cache_for_visitors(views_public.program_detail), name="detail"),
]
