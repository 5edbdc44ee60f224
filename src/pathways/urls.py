from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from pathways.api.v1.api import api as api_v1
from pathways.web.urls import cluster_patterns, place_patterns, site_patterns

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api_v1.urls),
]
urlpatterns += i18n_patterns(
    path("", include((site_patterns, "core"))),
    path("", include((cluster_patterns, "framework"))),
    path("", include("pathways.occupations.urls")),
    path("", include((place_patterns, "geography"))),
    path("", include("pathways.guide.urls")),
    path("programs/", include("pathways.programs.urls")),
    path("accounts/", include("pathways.accounts.urls")),
    path("interests/", include("pathways.profiler.urls")),
    path("budget/", include("pathways.budget.urls")),
    path("students/", include("pathways.students.urls")),
    path("resume/", include("pathways.resumes.urls")),
    path("saved/", include("pathways.saved.urls")),
    path("plans/", include("pathways.plans.urls")),
    path("analyses/", include("pathways.analyses.urls")),
    path("opportunities/", include("pathways.opportunities.urls")),
    path("work-based-learning/", include("pathways.placements.urls")),
    prefix_default_language=False,
)

# Every PermissionDenied a page raises: the reason and what to do (templates/403.html).
handler403 = "pathways.core.errors.permission_denied"
