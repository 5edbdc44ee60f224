"""The Perkins V indicators: who counts, files not uploaded, suppression, scoping."""

import pytest

from pathways.geography.models import District
from pathways.students import indicators, reports
from pathways.students.models import (
    CredentialEarned,
    DualCreditRecord,
    GraduationRecord,
    RecordUpload,
    WorkBasedLearningRecord,
)
from pathways.students.scope import scope_for
from tests.factories import ALBUQUERQUE, DistrictCoordinatorFactory, alamogordo, albuquerque
from tests.factories.students import enrol
from tests.students.conftest import ABQ, STATE, YEAR, give_status, many, program, row

pytestmark = pytest.mark.django_db


def uploaded(*kinds: str, district: District | None = None, year: int = YEAR) -> None:
    for kind in kinds:
        RecordUpload.objects.create(
            kind=kind,
            district=district or albuquerque(),
            school_year=year,
            file_name=f"{kind}.csv",
            sha256="0" * 64,
            rows=1,
        )


def indicator(rows, code: str, level: str = "district", key: str = ALBUQUERQUE, subgroup="all"):  # type: ignore[no-untyped-def]
    return next(
        r
        for r in rows
        if (r.code, r.group_by, r.group_key, r.subgroup) == (code, level, key, subgroup)
    )


def test_nontraditional_concentration_is_flagged_concentrators_over_concentrators():
    welding = program()
    many("N", 6, albuquerque(), welding, nontraditional=True)
    many("T", 14, albuquerque(), welding)
    enrol("P1", YEAR, nontraditional=True)
    give_status("P1", welding)  # a participant only: not in either count

    found = indicator(indicators.perkins_indicators(YEAR, ABQ, minimum=1), "4S1")

    assert (found.numerator.count, found.denominator.count) == (6, 20)
    assert found.rate.display == "30.0%" and found.available


def test_graduating_concentrators_with_credential_credit_and_work_based_learning():
    welding = program()
    many("G", 4, albuquerque(), welding)
    for n in range(3):
        GraduationRecord.objects.create(
            student_id=f"G{n}",
            district=albuquerque(),
            cohort_year=YEAR,
            graduated=True,
            graduation_year=YEAR,
        )
    district = albuquerque()
    CredentialEarned.objects.create(
        student_id="G0", school_year=YEAR - 1, district=district, credential="OSHA 10"
    )
    CredentialEarned.objects.create(
        student_id="G3", school_year=YEAR, district=district, credential="OSHA 10"
    )  # not a graduate this year
    DualCreditRecord.objects.create(
        student_id="G1", school_year=YEAR, district=district, course_code="ENG", credits_earned=3
    )
    DualCreditRecord.objects.create(
        student_id="G2", school_year=YEAR, district=district, course_code="ENG", credits_earned=0
    )
    WorkBasedLearningRecord.objects.create(
        student_id="G2", school_year=YEAR, district=district, kind="internship"
    )
    uploaded("graduation", "credentials", "dual_credit", "work_based_learning")

    rows = indicators.perkins_indicators(YEAR, ABQ, minimum=1)

    for code, numerator in (("5S1", 1), ("5S2", 1), ("5S3", 1)):
        found = indicator(rows, code)
        assert (found.numerator.count, found.denominator.count) == (numerator, 3), code


def test_the_cohort_graduation_rate_keeps_concentrators_who_left():
    welding = program()
    many("C", 3, albuquerque(), welding)
    enrol("LEFT", YEAR - 1)  # enrolled last year only, then left without graduating
    give_status("LEFT", welding, participant=YEAR - 2, concentrator=YEAR - 1)
    for student, graduated in (("C0", True), ("C1", True), ("C2", False), ("LEFT", False)):
        GraduationRecord.objects.create(
            student_id=student,
            district=albuquerque(),
            cohort_year=YEAR,
            graduated=graduated,
            graduation_year=YEAR if graduated else None,
        )
    uploaded("graduation")

    found = indicator(indicators.perkins_indicators(YEAR, ABQ, minimum=1), "1S1")

    assert (found.numerator.count, found.denominator.count) == (2, 4)
    assert found.rate.value == 50.0


def test_an_indicator_without_its_file_is_not_available_rather_than_zero():
    welding = program()
    many("G", 12, albuquerque(), welding)
    many("H", 12, alamogordo(), welding)
    uploaded("graduation")  # Albuquerque only; no credential file anywhere

    rows = indicators.perkins_indicators(YEAR, STATE, minimum=1)

    credential = indicator(rows, "5S1")
    assert not credential.available and credential.numerator.count is None
    assert "credential records" in credential.note
    assert indicator(rows, "1S1").available
    state_key = rows[0].group_key if rows[0].group_by == "state" else "35"
    # The state's figure counts the districts that sent the file, and says so.
    state = indicator(rows, "1S1", "state", state_key)
    assert state.available and "1 of 2 school districts" in state.note
    assert not indicator(rows, "5S1", "state", state_key).available


def test_indicator_denominators_are_hidden_exactly_where_the_status_report_hides_them():
    # Protecting the few nontraditional students would otherwise hide concentrator counts
    # that the status report shows, and the two reports together would reveal them.
    welding = program()
    for prefix, sex, nontraditional, count in (
        ("F", "F", False, 29),
        ("M", "M", False, 29),
        ("MN", "M", True, 3),
        ("X", "X", False, 36),
        ("XN", "X", True, 5),
    ):
        many(prefix, count, albuquerque(), welding, sex=sex, nontraditional=nontraditional)

    status = reports.status_report(YEAR, STATE, breakdown="sex", minimum=10)
    rows = indicators.perkins_indicators(YEAR, STATE, breakdown="sex", minimum=10)

    assert indicator(rows, "4S1", subgroup="M").numerator.reason == "small"
    for sex in ("all", "F", "M", "X"):
        status_cell = row(status, "district", ALBUQUERQUE, sex).concentrators
        assert indicator(rows, "4S1", subgroup=sex).denominator == status_cell, sex


def test_a_rate_near_100_percent_hides_the_few_students_left_out():
    welding = program()
    many("N", 28, albuquerque(), welding, nontraditional=True)
    many("T", 2, albuquerque(), welding)

    found = indicator(indicators.perkins_indicators(YEAR, ABQ, minimum=10), "4S1")

    # 28 of 30 would reveal the 2 others: the numerator is hidden, so is the rate.
    assert found.numerator.suppressed
    assert found.rate.display == "*"


def test_a_district_coordinator_gets_only_their_districts_indicators():
    welding = program()
    many("A", 12, albuquerque(), welding)
    many("B", 12, alamogordo(), welding)

    rows = indicators.perkins_indicators(YEAR, scope_for(DistrictCoordinatorFactory()))

    assert {(r.group_by, r.group_key) for r in rows} == {("district", ALBUQUERQUE)}
    assert [r.code for r in rows] == ["1S1", "4S1", "5S1", "5S2", "5S3"]


def test_a_breakdown_reads_the_status_table_without_breakdown_once(monkeypatch):  # type: ignore[no-untyped-def]
    many("A", 12, albuquerque(), program())
    asked: list[str] = []
    status_by_school = reports.status_by_school

    def counting(year, breakdown, minimum):  # type: ignore[no-untyped-def]
        asked.append(breakdown)
        return status_by_school(year, breakdown, minimum)

    monkeypatch.setattr(reports, "status_by_school", counting)

    indicators.perkins_indicators(YEAR, STATE, breakdown="sex")

    assert sorted(asked) == ["all", "sex"]
