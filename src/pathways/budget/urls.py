from django.urls import URLPattern, URLResolver

app_name = "budget"
urlpatterns: list[URLPattern | URLResolver] = []
