"""Occupations that pay enough, checked against the OEWS wages of the tiny labour market."""

from decimal import Decimal

import pytest

from pathways.budget.matches import find_matches
from pathways.occupations.models import WageEstimate

pytestmark = pytest.mark.django_db
ALBUQUERQUE = "0010740"
STATE = "3500000"


def _annual(estimate: WageEstimate) -> Decimal | None:
    if estimate.median_annual is not None:
        return Decimal(estimate.median_annual)
    if estimate.median_hourly is not None:
        return estimate.median_hourly * 2080
    return None


@pytest.mark.parametrize("area", [ALBUQUERQUE, STATE, "3500006"])
@pytest.mark.parametrize("required", [Decimal("30000"), Decimal("52345.50"), Decimal("90000")])
def test_matches_are_exactly_the_occupations_paid_enough_in_the_area(labour_market, area, required):
    matches = find_matches(area, required)
    local = {
        e.soc_code: e
        for e in WageEstimate.objects.filter(area_id=area, is_detailed=True)
        if e.median_annual is not None or e.median_hourly is not None or e.top_coded
    }
    expected = {soc for soc, e in local.items() if e.top_coded or (_annual(e) or 0) >= required}
    # Occupations whose wage is published for the area itself:
    found_local = {m.soc for m in matches.matching if m.area_code == area}
    assert found_local == expected
    for match in matches.matching:
        assert match.top_coded or match.annual >= required
        assert match.area_code in {area, STATE}
    others = {c.soc for c in matches.candidates} - {m.soc for m in matches.matching}
    for soc in others & set(local):
        assert not local[soc].top_coded and (_annual(local[soc]) or 0) < required


def test_share_of_jobs_is_matching_employment_over_all_employment(labour_market):
    required = Decimal("50000")
    matches = find_matches(ALBUQUERQUE, required)
    employment = dict(
        WageEstimate.objects.filter(
            area_id=ALBUQUERQUE, is_detailed=True, employment__isnull=False
        ).values_list("soc_code", "employment")
    )
    assert matches.total_employment == sum(employment.values())
    assert matches.matching_employment == sum(employment.get(m.soc, 0) for m in matches.matching)
    expected = Decimal(matches.matching_employment * 100) / matches.total_employment
    assert matches.share == expected.quantize(Decimal("0.1"))
    assert 0 < matches.share < 100
    # Nurses, practitioners, teachers and electricians: 15,200 of Albuquerque's 24,200 jobs.
    assert {m.soc for m in matches.matching} == {"29-1141", "29-1171", "25-2031", "47-2111"}
    assert (matches.matching_employment, matches.total_employment) == (15200, 24200)
    assert matches.share == Decimal("62.8")


def test_top_coded_medians_count_as_meeting_any_requirement(labour_market):
    top = WageEstimate.objects.filter(
        area_id=STATE, is_detailed=True, median_annual__isnull=True
    ).exclude(top_coded=[])
    capped = [e.soc_code for e in top if "median_annual" in e.top_coded]
    assert capped == ["29-1212"]  # the fixture's cardiologists
    matches = find_matches(STATE, Decimal("1000000"))
    assert {m.soc for m in matches.matching} >= set(capped)
    assert all(m.top_coded for m in matches.matching)


def test_more_need_never_means_more_matches(labour_market):
    counts = [
        len(find_matches(ALBUQUERQUE, Decimal(r)).matching) for r in range(20000, 200001, 20000)
    ]
    assert counts == sorted(counts, reverse=True)


def test_groups_by_education_and_job_zone_hold_every_match(labour_market):
    matches = find_matches(ALBUQUERQUE, Decimal("60000"))
    for groups in (matches.by_education(), matches.by_job_zone()):
        assert sum(len(g.members) for g in groups) == len(matches.matching)
        assert all(g.members for g in groups)
    education = [g.key for g in matches.by_education()]
    assert education.index("Bachelor's degree") > education.index(
        "High school diploma or equivalent"
    )
