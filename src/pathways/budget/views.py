"""The budget pages (/budget/): build a budget, see the wage it needs and the jobs that pay it.

Everything but saving is a GET: a scenario lives in its URL, so it can be shared, bookmarked
and printed. Without JavaScript the form's buttons reload the page with the new total; with
htmx the running total updates as the student types.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from pathways.accounts.models import User
from pathways.occupations.labels import TYPICAL_EDUCATION

from .calculation import Budget, build_budget
from .defaults import (
    BEDROOM_LABELS,
    Place,
    PlaceChoices,
    default_bedrooms,
    place_choices,
    resolve_place,
    savings_choices,
)
from .matches import EDUCATION_ORDER, Candidate, Matches, cluster_choices, find_matches
from .models import Scenario as SavedScenario
from .scenario import (
    CATEGORIES,
    MAX_ADULTS,
    MAX_CHILDREN,
    MAX_MILES,
    PHONE_PLANS,
    TRANSPORT_MODES,
    Scenario,
    TransportMode,
    parse_scenario,
)
from .solver import HOURS_PER_YEAR, MONTHS, Requirement
from .taxes import FilingStatus, Taxes, tax_year
from .taxes.credits import CREDIT_SOURCES, credit_sources

MAX_COMPARED = 4
MAX_LISTED = 50  # matching careers listed at once, the most openings first
FILING_LABELS = {
    FilingStatus.SINGLE: gettext_lazy("Single"),
    FilingStatus.MARRIED_JOINT: gettext_lazy("Married filing jointly"),
    FilingStatus.HEAD_OF_HOUSEHOLD: gettext_lazy("Head of household"),
}
CREDIT_LABELS = {
    "child_care": gettext_lazy("Child and Dependent Care Credit"),
    "child_tax_credit": gettext_lazy("Child Tax Credit"),
    "additional_child_tax_credit": gettext_lazy("Child Tax Credit, refundable part"),
    "earned_income": gettext_lazy("Earned Income Tax Credit"),
    "nm_working_families": gettext_lazy("New Mexico Working Families Tax Credit"),
    "nm_child": gettext_lazy("New Mexico child income tax credit"),
}
# The fields that can be wrong besides the amounts, in form order (for the error summary).
FIELD_LABELS = {
    "place": gettext_lazy("Where you live"),
    "adults": gettext_lazy("Adults"),
    "working": gettext_lazy("Adults who work"),
    "children": gettext_lazy("Children"),
    "bedrooms": gettext_lazy("Where you would live"),
    "transport": gettext_lazy("How you get around"),
    "miles": gettext_lazy("Miles you drive a month"),
    "phone": gettext_lazy("Your phone plan"),
    "save": gettext_lazy("How much you save"),
}


def _may_save(user: Any) -> bool:
    return bool(user.has_perm("budget.save_scenario"))


def _login_url(request: HttpRequest, next_url: str = "") -> str:
    try:
        return str(redirect_to_login(next_url or request.get_full_path())["Location"])
    except NoReverseMatch:
        return ""


# Reading a scenario --------------------------------------------------------------------


@dataclass
class Parsed:
    scenario: Scenario
    errors: dict[str, str]
    place: Place | None
    budget: Budget
    compared: list[str]  # query strings of scenarios carried along for comparison
    # (regions, counties) as the form lists them; also what `place` is checked against.
    choices: PlaceChoices

    @property
    def ok(self) -> bool:
        return not self.errors


def _parse(data: QueryDict, choices: PlaceChoices | None = None) -> Parsed:
    if choices is None:
        choices = place_choices()
    regions, counties = choices
    scenario, errors = parse_scenario(data, {code for code, _name in regions + counties})
    place = resolve_place(scenario.place) if "place" not in errors else None
    compared = [q for q in data.getlist("cmp") if q][: MAX_COMPARED - 1]
    return Parsed(scenario, errors, place, build_budget(scenario, place), compared, choices)


def _fields(parsed: Parsed, raw: QueryDict, show_errors: bool) -> list[dict[str, Any]]:
    """One entry per category for the form: label, typed value, default, error."""
    return [
        {
            "key": line.category,
            "label": line.label,
            "value": raw.get(line.category, ""),
            "default": line.default,
            "line": line,
            "error": parsed.errors.get(line.category, "") if show_errors else "",
        }
        for line in parsed.budget.lines
    ]


def _error_list(errors: dict[str, str]) -> list[tuple[str, str]]:
    """(field, "Label: message") in form order."""
    labels = {**FIELD_LABELS, **CATEGORIES}
    order = list(labels)
    return [
        (key, f"{labels[key]}: {message}")
        for key, message in sorted(errors.items(), key=lambda item: order.index(item[0]))
    ]


def _form_context(request: HttpRequest, parsed: Parsed, show_errors: bool) -> dict[str, Any]:
    regions, counties = parsed.choices
    household = parsed.scenario.household
    raw = request.POST if request.method == "POST" else request.GET
    errors = parsed.errors if show_errors else {}
    requirement = parsed.budget.requirement() if not parsed.errors else None
    return {
        "parsed": parsed,
        "scenario": parsed.scenario,
        "budget": parsed.budget,
        "requirement": requirement,
        "errors": errors,
        "error_list": _error_list(errors),
        "fields": _fields(parsed, raw, show_errors),
        "raw": raw,
        "regions": regions,
        "counties": counties,
        "bedroom_choices": list(BEDROOM_LABELS.items()),
        "default_bedrooms": default_bedrooms(household),
        "transport_modes": list(TRANSPORT_MODES.items()),
        "phone_plans": list(PHONE_PLANS.items()),
        "savings_choices": savings_choices(),
        "max_adults": MAX_ADULTS,
        "max_children": MAX_CHILDREN,
        "max_miles": MAX_MILES,
        "compared": parsed.compared,
    }


# Pages ---------------------------------------------------------------------------------


@require_GET
def form(request: HttpRequest) -> HttpResponse:
    """The budget form; any parameters fill it in (a shared or edited scenario)."""
    parsed = _parse(request.GET)
    show_errors = any(key != "cmp" for key in request.GET)
    return render(request, "budget/form.html", _form_context(request, parsed, show_errors))


@require_GET
def total(request: HttpRequest) -> HttpResponse:
    """The running total and each category's default: the fragment htmx swaps in."""
    parsed = _parse(request.GET)
    context = _form_context(request, parsed, show_errors=True)
    # Errors as the student types; the box already asks for a place when none is chosen.
    context["live_errors"] = [m for key, m in context["error_list"] if key != "place"]
    return render(request, "budget/_total.html", context)


@dataclass
class Comparison:
    candidate: Candidate
    required: Decimal  # per working adult, a year

    @property
    def difference(self) -> Decimal | None:
        return self.candidate.difference(self.required)

    @property
    def monthly(self) -> Decimal | None:
        return None if self.difference is None else self.difference / MONTHS

    @property
    def hourly(self) -> Decimal | None:
        return None if self.difference is None else self.difference / HOURS_PER_YEAR

    @property
    def surplus(self) -> bool:
        return self.candidate.meets(self.required)

    # The surplus or gap without its sign, rounded for display: a year and a month to the
    # dollar, an hour to the cent.
    @property
    def abs_year(self) -> int | None:
        return None if self.difference is None else round(abs(self.difference))

    @property
    def abs_month(self) -> int | None:
        return None if self.monthly is None else round(abs(self.monthly))

    @property
    def abs_hour(self) -> Decimal | None:
        return None if self.hourly is None else abs(self.hourly).quantize(Decimal("0.01"))


@dataclass
class Results:
    parsed: Parsed
    requirement: Requirement
    matches: Matches

    @property
    def place(self) -> Place:
        assert self.parsed.place is not None
        return self.parsed.place


def credit_rows(taxes: Taxes) -> list[tuple[str, Decimal]]:
    """(label, amount) of each credit the household gets, in the order a return takes them."""
    amounts = [(key, getattr(taxes.credits, key)) for key in CREDIT_SOURCES]
    return [(str(CREDIT_LABELS[key]), amount) for key, amount in amounts if amount]


def _results(parsed: Parsed) -> Results:
    assert parsed.place is not None
    requirement = parsed.budget.requirement()
    matches = find_matches(parsed.place.area.code, requirement.per_worker_annual)
    return Results(parsed, requirement, matches)


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    parsed = _parse(request.GET)
    if not parsed.ok:
        context = _form_context(request, parsed, show_errors=True)
        return render(request, "budget/form.html", context, status=400)
    built = _results(parsed)
    clusters = cluster_choices()
    education = request.GET.get("education", "")
    education = education if education in TYPICAL_EDUCATION else ""
    cluster = request.GET.get("cluster", "")
    cluster = cluster if cluster in dict(clusters) else ""
    careers = built.matches.by_openings(education, cluster)
    soc = request.GET.get("soc", "")
    chosen = built.matches.candidate(soc) if soc else None
    query = parsed.scenario.query()
    compare_list = [*parsed.compared, query]
    compare_url = ""
    if parsed.compared:
        compare_url = reverse("budget:compare") + "?" + urlencode([("q", q) for q in compare_list])
    params = tax_year(built.requirement.year)
    return render(
        request,
        "budget/results.html",
        {
            "results": built,
            "scenario": parsed.scenario,
            "budget": parsed.budget,
            "requirement": built.requirement,
            "taxes": built.requirement.taxes,
            "tax_params": params,
            "credit_rows": credit_rows(built.requirement.taxes),
            "credit_sources": credit_sources(built.requirement.year),
            "filing_label": FILING_LABELS[parsed.scenario.household.filing_status],
            "matches": built.matches,
            "careers": careers[:MAX_LISTED],
            "careers_count": len(careers),
            "education": education,
            "cluster": cluster,
            "education_choices": [(key, TYPICAL_EDUCATION[key]) for key in EDUCATION_ORDER],
            "cluster_choices": clusters,
            "soc": soc,
            "chosen": Comparison(chosen, built.requirement.per_worker_annual) if chosen else None,
            "unknown_soc": bool(soc and chosen is None),
            "query": query,
            "form_url": reverse("budget:form") + "?" + query,
            "share_url": request.build_absolute_uri(reverse("budget:results") + "?" + query),
            "compare_more_url": reverse("budget:form")
            + "?"
            + urlencode([*parsed.scenario.params().items(), *(("cmp", q) for q in compare_list)]),
            "compare_url": compare_url,
            "can_compare_more": len(compare_list) < MAX_COMPARED,
            "can_save": _may_save(request.user),
            "login_url": "" if request.user.is_authenticated else _login_url(request),
            "scenario_params": parsed.scenario.params(),
            "hours": HOURS_PER_YEAR,
        },
    )


# Saved scenarios -----------------------------------------------------------------------


def _student_or_refusal(request: HttpRequest) -> HttpResponse | None:
    """A redirect to sign in for a visitor; PermissionDenied for an account that is not a
    student's."""
    if not request.user.is_authenticated:
        login = _login_url(request, reverse("budget:saved"))
        if not login:
            raise PermissionDenied(_("Sign in with a student account to save scenarios."))
        return HttpResponseRedirect(login)
    if not _may_save(request.user):
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
    parsed = _parse(request.POST)
    if not parsed.ok:
        context = _form_context(request, parsed, show_errors=True)
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
            login = _login_url(request)
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
        parsed = _parse(data, choices)
        url = reverse("budget:results") + "?" + parsed.scenario.query()
        built.append(Column(name, _results(parsed) if parsed.ok else None, parsed.errors, url))
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
