"""Saved scenarios (a student's own, saved from a results page) and scenarios side by side."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pathways.accounts.models import User

from .defaults import place_choices
from .models import Scenario as SavedScenario
from .scenario import CATEGORIES, TransportMode
from .views import MAX_COMPARED, form_context, login_url, may_save, parse
from .views_results import FILING_LABELS, Results, build_results


def _student_or_refusal(request: HttpRequest) -> HttpResponse | None:
    """A redirect to sign in for a visitor; PermissionDenied for an account that is not a
    student's."""
    if not request.user.is_authenticated:
        login = login_url(request, reverse("budget:saved"))
        if not login:
            raise PermissionDenied(_("Sign in with a student account to save scenarios."))
        return HttpResponseRedirect(login)
    if not may_save(request.user):
        raise PermissionDenied(
            _(
                "Budget scenarios can be saved to student accounts only. You can still keep, "
                "share or print the link to any scenario."
            )
        )
    return None


@require_POST
def save(request: HttpRequest) -> HttpResponse:
    """Save the scenario posted from a results page to the signed-in student's account."""
    refusal = _student_or_refusal(request)
    if refusal is not None:
        return refusal
    parsed = parse(request.POST)
    if not parsed.ok:
        context = form_context(request, parsed, show_errors=True)
        return render(request, "budget/form.html", context, status=400)
    name = (request.POST.get("name") or "").strip()[:100]
    if not name:
        place = parsed.place.name if parsed.place else parsed.scenario.place
        name = _("%(place)s budget") % {"place": place}
    user = request.user
    assert isinstance(user, User)
    SavedScenario.objects.create(user=user, name=name, params=parsed.scenario.params())
    messages.success(request, _("Your scenario is saved."))
    return HttpResponseRedirect(reverse("budget:saved"), status=303)


@dataclass
class SavedRow:
    saved: SavedScenario
    query: str


@require_GET
def saved(request: HttpRequest) -> HttpResponse:
    """The signed-in student's own scenarios, newest first, to open or compare."""
    refusal = _student_or_refusal(request)
    if refusal is not None:
        return refusal
    rows = [SavedRow(s, urlencode(s.params)) for s in SavedScenario.objects.owned_by(request.user)]
    return render(request, "budget/saved.html", {"rows": rows, "max_compared": MAX_COMPARED})


@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    refusal = _student_or_refusal(request)
    if refusal is not None:
        return refusal
    scenario = get_object_or_404(SavedScenario.objects.owned_by(request.user), pk=pk)
    scenario.delete()
    messages.success(request, _("The scenario is deleted."))
    return HttpResponseRedirect(reverse("budget:saved"), status=303)


@dataclass
class Column:
    name: str
    results: Results | None
    errors: dict[str, str]
    url: str


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    """Scenarios side by side: saved ones by id (their owner only) and any given by link."""
    columns: list[tuple[str, QueryDict]] = []
    ids = request.GET.getlist("id")
    if ids:
        if not request.user.is_authenticated:
            login = login_url(request)
            if not login:
                raise PermissionDenied(_("Sign in to compare your saved scenarios."))
            return HttpResponseRedirect(login)
        owned = SavedScenario.objects.owned_by(request.user)
        for pk in ids:
            if not (pk.isascii() and pk.isdigit() and len(pk) <= 12):
                raise Http404
            scenario = get_object_or_404(owned, pk=int(pk))
            columns.append((scenario.name, QueryDict(urlencode(scenario.params))))
    for n, query in enumerate(request.GET.getlist("q")[:MAX_COMPARED], 1):
        columns.append((_("Scenario %(n)s") % {"n": n}, QueryDict(query)))
    columns = columns[:MAX_COMPARED]
    choices = place_choices()
    built = []
    for name, data in columns:
        parsed = parse(data, choices)
        url = reverse("budget:results") + "?" + parsed.scenario.query()
        built.append(Column(name, build_results(parsed) if parsed.ok else None, parsed.errors, url))
    return render(
        request,
        "budget/compare.html",
        {
            "columns": built,
            "categories": list(CATEGORIES.items()),
            "filing_labels": FILING_LABELS,
            "transport_car": TransportMode.CAR,
        },
    )
