from django.urls import URLPattern, URLResolver

app_name = "profiler"
urlpatterns: list[URLPattern | URLResolver] = []
