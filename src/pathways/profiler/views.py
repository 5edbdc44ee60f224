"""The interest profiler and the cluster survey pages. No account is needed to take either;
results live in the URL (the six scores and the options), and students may save them."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from pathways.datasets.registry import get_source

from . import paper as paper_survey
from .data import SURVEY_SECTIONS, current_language, instrument
from .matching import BANDS, JOB_ZONES
from .models import SCORE_FIELDS, SavedProfile
from .results import JOB_ZONE_LABELS, build_results, number, parse_query, results_query
from .scoring import SHORT_FACTOR, ProfileError, score_items
from .survey import known_ids, possible_checks, rank_clusters

SECTION_LABELS = {
    "activity": gettext_lazy("Activities you would enjoy"),
    "quality": gettext_lazy("Qualities that describe you"),
    "subject": gettext_lazy("School subjects you like"),
}


def _may_save(user: Any) -> bool:
    return bool(user.has_perm("profiler.save_results"))


def _login_url(request: HttpRequest) -> str:
    """The sign-in page with a way back here, or "" while no sign-in page exists."""
    try:
        return str(redirect_to_login(request.get_full_path())["Location"])
    except NoReverseMatch:
        return ""


def intro(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "profiler/intro.html",
        {
            "areas": instrument().areas.values(),
            "full_count": len(instrument().questionnaire()),
            "short_count": len(instrument().questionnaire(short=True)),
            "saved_count": SavedProfile.objects.owned_by(request.user).count()
            if _may_save(request.user)
            else 0,
        },
    )


@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest, short: bool = False) -> HttpResponse:
    """The 60- or 30-item questionnaire; a complete POST goes on to the results page."""
    items = instrument().questionnaire(short)
    answers: dict[str, int] = {}
    missing: list[str] = []
    if request.method == "POST":
        values = {str(c.value) for c in instrument().scale}
        for item in items:
            raw = request.POST.get(item.id, "")
            if raw in values:
                answers[item.id] = int(raw)
            else:
                missing.append(item.id)
        if not missing:
            profile = score_items(answers, short)
            url = reverse("profiler:results") + "?" + results_query(profile)
            return HttpResponseRedirect(url, status=303)
    numbered = [
        {"n": n, "item": item, "answer": answers.get(item.id), "missing": item.id in missing}
        for n, item in enumerate(items, 1)
    ]
    return render(
        request,
        "profiler/questionnaire.html",
        {
            "short": short,
            "items": numbered,
            "count": len(items),
            "scale": instrument().scale,
            "missing": [row for row in numbered if row["missing"]],
            "short_factor": SHORT_FACTOR,
        },
        status=400 if missing else 200,
    )


def results(request: HttpRequest) -> HttpResponse:
    try:
        profile, options = parse_query(request.GET)
    except ProfileError as error:
        return render(request, "profiler/results_invalid.html", {"error": error}, status=400)
    built = build_results(profile, options)
    share_url = request.build_absolute_uri(reverse("profiler:results") + "?" + built.query)
    return render(
        request,
        "profiler/results.html",
        {
            "results": built,
            "profile": profile,
            "options": options,
            "bands": BANDS,
            "job_zones": [(zone, JOB_ZONE_LABELS[zone]) for zone in JOB_ZONES],
            "share_url": share_url,
            "all_url": reverse("profiler:results")
            + "?"
            + results_query(profile, options.job_zone, show_all=True),
            "onet": get_source("onet"),
            "short_factor": SHORT_FACTOR,
            "can_save": _may_save(request.user),
            "login_url": "" if request.user.is_authenticated else _login_url(request),
            "score_fields": SCORE_FIELDS,
        },
    )


@require_POST
def save(request: HttpRequest) -> HttpResponse:
    """Save the scores shown on a results page to the signed-in student's account."""
    if not request.user.is_authenticated:
        login = _login_url(request)
        if not login:
            raise PermissionDenied(_("Sign in with a student account to save results."))
        return HttpResponseRedirect(login)
    if not _may_save(request.user):
        raise PermissionDenied(
            _(
                "Interest profiler results can be saved to student accounts only. You can "
                "still print them or keep the link to them."
            )
        )
    try:
        profile, options = parse_query(request.POST)
    except ProfileError as error:
        return render(request, "profiler/results_invalid.html", {"error": error}, status=400)
    SavedProfile.objects.create(
        user=request.user,
        job_zone=options.job_zone,
        short_form=profile.short_form,
        **{name: int(profile.scores[a]) for a, name in SCORE_FIELDS.items()},
    )
    messages.success(request, _("Your results are saved."))
    return HttpResponseRedirect(reverse("profiler:saved"), status=303)


def saved(request: HttpRequest) -> HttpResponse:
    """The signed-in student's own saved results, newest first."""
    if not request.user.is_authenticated:
        login = _login_url(request)
        if not login:
            raise PermissionDenied(_("Sign in with a student account to save results."))
        return HttpResponseRedirect(login)
    results_url = reverse("profiler:results")
    entries = []
    for entry in SavedProfile.objects.owned_by(request.user):
        profile = entry.profile()
        entries.append(
            {
                "saved": entry,
                "profile": profile,
                "url": results_url + "?" + results_query(profile, entry.job_zone),
                "scores": [
                    (area, number(profile.scores[area.code]))
                    for area in instrument().areas.values()
                ],
            }
        )
    return render(
        request,
        "profiler/saved.html",
        {"entries": entries, "is_student": _may_save(request.user)},
    )


@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(SavedProfile.objects.owned_by(request.user), pk=pk)
    entry.delete()
    messages.success(request, _("The saved result is deleted."))
    return HttpResponseRedirect(reverse("profiler:saved"), status=303)


def cluster_survey(request: HttpRequest) -> HttpResponse:
    data = instrument()
    chosen = set(known_ids(request.GET.getlist("item")))
    sections = [
        {
            "code": section,
            "label": SECTION_LABELS[section],
            "items": [
                {"item": item, "checked": item.id in chosen}
                for item in data.survey
                if item.section == section
            ],
        }
        for section in SURVEY_SECTIONS
    ]
    return render(request, "profiler/survey.html", {"sections": sections})


def cluster_results(request: HttpRequest) -> HttpResponse:
    checked = known_ids(request.GET.getlist("item"))
    possible = possible_checks()
    return render(
        request,
        "profiler/survey_results.html",
        {
            "ranked": rank_clusters(checked),
            "checked": checked,
            "possible": max(possible.values()) if possible else 0,
            "edit_query": "&".join(f"item={i}" for i in checked),
        },
    )


def _paper_context(request: HttpRequest) -> dict[str, Any]:
    results_url = request.build_absolute_uri(reverse("profiler:results"))
    return {**paper_survey.context(), "results_url": results_url}


def paper(request: HttpRequest) -> HttpResponse:
    """The questionnaire to print and score by hand."""
    return render(request, "profiler/paper.html", _paper_context(request))


def paper_pdf(request: HttpRequest) -> HttpResponse:
    language = current_language()
    content = paper_survey.paper_pdf(language, _paper_context(request)["results_url"])
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="interests-on-paper-{language}.pdf"'
    return response
