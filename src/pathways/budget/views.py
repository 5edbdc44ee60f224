"""The budget pages (/budget/): build a budget, see the wage it needs and the jobs that pay it.
This module reads a scenario and shows the form and its running total; the results page is
in `views_results`, saved scenarios and the comparison in `views_saved`.

Everything but saving is a GET: a scenario lives in its URL, so it can be shared, bookmarked
and printed. Without JavaScript the form's buttons reload the page with the new total; with
htmx the running total updates as the student types.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

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
from .scenario import (
    CATEGORIES,
    MAX_ADULTS,
    MAX_CHILDREN,
    MAX_MILES,
    PHONE_PLANS,
    TRANSPORT_MODES,
    Scenario,
    parse_scenario,
)

MAX_COMPARED = 4
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


def may_save(user: Any) -> bool:
    return bool(user.has_perm("budget.save_scenario"))


def login_url(request: HttpRequest, next_url: str = "") -> str:
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


def parse(data: QueryDict, choices: PlaceChoices | None = None) -> Parsed:
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


def form_context(request: HttpRequest, parsed: Parsed, show_errors: bool) -> dict[str, Any]:
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
    parsed = parse(request.GET)
    show_errors = any(key != "cmp" for key in request.GET)
    return render(request, "budget/form.html", form_context(request, parsed, show_errors))


@require_GET
def total(request: HttpRequest) -> HttpResponse:
    """The running total and each category's default: the fragment htmx swaps in."""
    parsed = parse(request.GET)
    context = form_context(request, parsed, show_errors=True)
    # Errors as the student types; the box already asks for a place when none is chosen.
    context["live_errors"] = [m for key, m in context["error_list"] if key != "place"]
    return render(request, "budget/_total.html", context)
