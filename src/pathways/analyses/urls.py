from django.urls import path

from pathways.core.pagecache import cache_for_visitors

from . import feeds, views_editor, views_public

app_name = "analyses"
urlpatterns = [
    path("", views_public.analysis_list, name="list"),
    path("feed/", cache_for_visitors(feeds.AnalysisFeed()), name="feed"),
    path(
        "regions/<slug:region>/feed/", cache_for_visitors(feeds.AnalysisFeed()), name="region_feed"
    ),
    path("using-lmi/", cache_for_visitors(views_public.using_lmi), name="using_lmi"),
    path("editor/", views_editor.editor, name="editor"),
    path("new/", views_editor.analysis_form, name="create"),
    path("media/new/", views_editor.media_form, name="media_create"),
    path("media/<int:pk>/", cache_for_visitors(views_public.media_detail), name="media"),
    path("media/<int:pk>/edit/", views_editor.media_form, name="media_edit"),
    path("<slug:slug>/", cache_for_visitors(views_public.analysis_detail), name="detail"),
    path("<slug:slug>/edit/", views_editor.analysis_form, name="edit"),
    path("<slug:slug>/submit/", views_editor.submit, name="submit"),
    path("<slug:slug>/publish/", views_editor.publish, name="publish"),
    path("<slug:slug>/return/", views_editor.return_to_draft, name="return"),
]
