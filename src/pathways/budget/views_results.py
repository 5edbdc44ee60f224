"""The results page: the wage a budget needs, its taxes and credits, and the careers that
pay it in the chosen place."""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from pathways.occupations.labels import TYPICAL_EDUCATION

from .defaults import Place
from .matches import EDUCATION_ORDER, Candidate, Matches, cluster_choices, find_matches
from .solver import HOURS_PER_YEAR, MONTHS, Requirement
from .taxes import FilingStatus, Taxes, tax_year
from .taxes.credits import CREDIT_SOURCES, credit_sources
from .views import MAX_COMPARED, Parsed, form_context, login_url, may_save, parse

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


def build_results(parsed: Parsed) -> Results:
    assert parsed.place is not None
    requirement = parsed.budget.requirement()
    matches = find_matches(parsed.place.area.code, requirement.per_worker_annual)
    return Results(parsed, requirement, matches)


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    parsed = parse(request.GET)
    if not parsed.ok:
        context = form_context(request, parsed, show_errors=True)
        return render(request, "budget/form.html", context, status=400)
    built = build_results(parsed)
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
            "can_save": may_save(request.user),
            "login_url": "" if request.user.is_authenticated else login_url(request),
            "scenario_params": parsed.scenario.params(),
            "hours": HOURS_PER_YEAR,
        },
    )
