import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
application = get_wsgi_application()
# Import every view now, not on the first request: that takes most of a second, and under
# load every worker's first visitors would wait for it.
get_resolver().url_patterns  # noqa: B018
