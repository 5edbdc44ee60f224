from django.urls import URLPattern, URLResolver

from .urls_editor import urlpatterns as editor_urls
from .urls_public import urlpatterns as public_urls
from .urls_transfer import urlpatterns as transfer_urls

app_name = "programs"
urlpatterns: list[URLPattern | URLResolver] = [*public_urls, *editor_urls, *transfer_urls]
