from django.urls import URLPattern, path

from pathways.core.pagecache import cache_for_visitors

from . import views

app_name = "guide"
urlpatterns: list[URLPattern] = [
    path("guide/", cache_for_visitors(views.guide_home), name="home"),
    path("guide.pdf", views.guide_pdf, name="pdf"),
    path("guide/<slug:code>.pdf", views.chapter_pdf, name="chapter_pdf"),
    path("guide/<slug:code>/", cache_for_visitors(views.guide_chapter), name="chapter"),
]
