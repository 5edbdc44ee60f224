"""The status report: who counts, scoping, suppression, source."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.students import indicators, report_tables, reports
from pathways.students.models import RecordUpload
from pathways.students.scope import ReportScope, scope_for
from pathways.students.status import recompute
from tests.factories import (
    ALAMOGORDO,
    ALBUQUERQUE,
    ClusterFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    SubClusterFactory,
    alamogordo,
    albuquerque,
)
from tests.factories.students import enrol, program_with_sequence, school, took
from tests.students.conftest import ABQ, STATE, YEAR, give_status, many, program, row

pytestmark = pytest.mark.django_db


def counts(report_row) -> tuple[int | None, ...]:  # type: ignore[no-untyped-def]
    return tuple(
        cell.count
        for cell in (report_row.participants, report_row.concentrators, report_row.completers)
    )


# --- Who counts -----------------------------------------------------------------------------


def test_each_student_counts_once_by_the_furthest_status_reached_by_the_year():
    welding, health = program("Welding"), program("Health")
    for student in ("S1", "S2", "S3", "S4", "S5"):
        enrol(student, YEAR)
    give_status("S1", welding, concentrator=YEAR)
    give_status("S1", health, concentrator=YEAR - 1)  # a second program: still one student
    give_status("S2", welding)
    give_status("S3", welding, concentrator=YEAR - 1, completer=YEAR)
    give_status("S4", welding, concentrator=YEAR + 1)  # not yet in the report year

    report = reports.status_report(YEAR, STATE, minimum=1)

    assert counts(row(report, "district", ALBUQUERQUE)) == (4, 2, 1)


def test_students_not_enrolled_in_the_year_are_left_out():
    welding = program()
    enrol("S1", YEAR - 1)
    enrol("S2", YEAR)
    give_status("S1", welding, participant=YEAR - 1, concentrator=YEAR - 1)
    give_status("S2", welding)

    report = reports.status_report(YEAR, STATE, minimum=1)

    assert counts(row(report, "district", ALBUQUERQUE)) == (1, 0, 0)


def test_a_districts_students_without_any_status_still_give_it_a_row_of_zeros():
    enrol("S1", YEAR, district=alamogordo())

    report = reports.status_report(YEAR, STATE, minimum=1)

    assert counts(row(report, "district", ALAMOGORDO)) == (0, 0, 0)


def test_subgroups_come_from_the_years_record_and_add_up_to_all_students():
    welding = program()
    enrol("S1", YEAR - 1, sex="F")
    enrol("S1", YEAR, sex="M")
    enrol("S2", YEAR, sex="F")
    give_status("S1", welding)
    give_status("S2", welding)

    report = reports.status_report(YEAR, STATE, breakdown="sex", minimum=1)

    district_rows = [r for r in report.rows if r.group_by == "district"]
    assert [r.subgroup for r in district_rows] == ["all", "F", "M", "X"]
    assert [r.participants.count for r in district_rows] == [2, 1, 1, 0]


def test_a_special_population_is_shown_with_all_others():
    welding = program()
    enrol("S1", YEAR, english_learner=True)
    enrol("S2", YEAR)
    enrol("S3", YEAR)
    for student in ("S1", "S2", "S3"):
        give_status(student, welding)

    report = reports.status_report(YEAR, STATE, breakdown="english_learner", minimum=1)

    assert row(report, "state", row(report, "state", "35").group_key, "yes").participants.count == 1
    assert row(report, "district", ALBUQUERQUE, "no").participants.count == 2


def test_school_rows_come_with_their_district_and_the_state():
    welding = program()
    enrol("S1", YEAR, school_code="001")
    enrol("S2", YEAR, school_code="002")
    enrol("S3", YEAR, school_code="002")
    for student in ("S1", "S2", "S3"):
        give_status(student, welding)

    report = reports.status_report(YEAR, STATE, group_by="school", minimum=1)

    levels = [(r.group_by, r.group_label) for r in report.rows]
    assert levels[0][0] == "state"
    assert levels[1] == ("district", albuquerque().name)
    assert [label for level, label in levels if level == "school"] == [
        "Test School 001",
        "Test School 002",
    ]
    second = row(report, "school", str(school("002").pk))
    assert second.participants.count == 2 and second.parent_key == ALBUQUERQUE


def test_cluster_rows_count_a_student_in_every_cluster_they_have_status_in():
    construction = SubClusterFactory(cluster=ClusterFactory(name="Construction"))
    health = SubClusterFactory(cluster=ClusterFactory(name="Health Science"))
    welding = program("Welding", subcluster=construction)
    nursing = program("Nursing", subcluster=health)
    enrol("S1", YEAR)
    enrol("S2", YEAR)
    give_status("S1", welding, concentrator=YEAR)
    give_status("S1", nursing)
    give_status("S2", nursing)

    report = reports.status_report(YEAR, STATE, group_by="cluster", minimum=1)

    by_label = {r.group_label: counts(r) for r in report.rows}
    assert by_label == {"Construction": (1, 1, 0), "Health Science": (2, 0, 0)}


def test_programs_without_a_legacy_pathway_are_grouped_as_such():
    welding = program()
    enrol("S1", YEAR)
    give_status("S1", welding)

    report = reports.status_report(YEAR, STATE, group_by="legacy_cluster", minimum=1)

    assert [(r.group_label, r.participants.count) for r in report.rows] == [
        ("No legacy pathway given", 1)
    ]


def test_status_from_recomputed_course_records_reaches_the_report():
    program_with_sequence(["HLT1", "HLT2", "HLT9"], title="Health")
    enrol("S1", YEAR)
    took("S1", YEAR, "HLT1")
    took("S1", YEAR, "HLT2")
    recompute()

    report = reports.status_report(YEAR, ABQ, minimum=1)

    assert counts(row(report, "district", ALBUQUERQUE)) == (1, 1, 0)


def test_unknown_grouping_is_refused():
    with pytest.raises(report_tables.BadReportRequest):
        reports.status_report(YEAR, STATE, group_by="county")


def test_the_number_of_queries_does_not_grow_with_the_students():
    welding = program()

    def queries_for_report() -> int:
        caches["reports"].clear()  # count the queries that compute the tables, not a cache hit
        with CaptureQueriesContext(connection) as captured:
            reports.status_report(YEAR, STATE, group_by="school", breakdown="race_ethnicity")
            indicators.perkins_indicators(YEAR, STATE, breakdown="race_ethnicity")
        return len(captured)

    many("A", 5, albuquerque(), welding)
    few = queries_for_report()
    many("B", 60, alamogordo(), welding, school_code="002")
    many("C", 60, albuquerque(), welding, school_code="003")
    # PostgreSQL adds a few statements (JIT off for the report queries); the count stays flat.
    assert queries_for_report() == few < 80


# --- Scope ----------------------------------------------------------------------------------


def test_a_district_coordinator_sees_only_their_districts_students():
    welding = program()
    many("A", 12, albuquerque(), welding)
    many("B", 15, alamogordo(), welding)
    coordinator = DistrictCoordinatorFactory()

    report = reports.status_report(YEAR, scope_for(coordinator), group_by="state")

    assert [(r.group_by, r.group_key) for r in report.rows] == [("district", ALBUQUERQUE)]
    assert counts(report.rows[0]) == (12, 12, 0)


def test_the_state_administrator_sees_every_district_and_the_state_total():
    welding = program()
    many("A", 12, albuquerque(), welding)
    many("B", 15, alamogordo(), welding)

    report = reports.status_report(YEAR, scope_for(StateAdminFactory()))

    assert counts(report.rows[0]) == (27, 27, 0)
    assert {r.group_key for r in report.rows if r.group_by == "district"} == {
        ALBUQUERQUE,
        ALAMOGORDO,
    }


def test_a_school_scope_sees_only_its_school():
    welding = program()
    many("A", 12, albuquerque(), welding, school_code="001")
    many("B", 20, albuquerque(), welding, school_code="002")
    scope = ReportScope(district_id=ALBUQUERQUE, school_id=school("002").pk)

    report = reports.status_report(YEAR, scope, group_by="district")

    assert [(r.group_by, counts(r)) for r in report.rows] == [("school", (20, 20, 0))]


def test_years_available_are_those_with_enrolment_in_scope():
    enrol("S1", 2024)
    enrol("S2", YEAR, district=alamogordo())
    assert reports.available_years(ABQ) == [2024]
    assert reports.available_years(STATE) == [YEAR, 2024]


# --- Suppression ----------------------------------------------------------------------------


def test_three_completers_are_hidden_and_so_is_a_complement_that_would_reveal_them():
    welding = program()
    many("A", 3, albuquerque(), welding, completer=True)
    many("A2", 20, albuquerque(), welding)
    many("B", 20, alamogordo(), welding, completer=True)

    report = reports.status_report(YEAR, STATE, minimum=10)

    small = row(report, "district", ALBUQUERQUE).completers
    assert (small.count, small.suppressed, small.reason) == (None, True, "small")
    state = row(report, "state", report.rows[0].group_key).completers
    other = row(report, "district", ALAMOGORDO).completers
    # Albuquerque = state - Alamogordo: one of them must be hidden as well.
    assert state.suppressed or other.suppressed
    assert "complementary" in {state.reason, other.reason}
    assert row(report, "district", ALBUQUERQUE).participants.count == 23  # large counts shown


def test_the_minimum_can_be_lowered_for_a_report():
    welding = program()
    many("A", 3, albuquerque(), welding, completer=True)

    report = reports.status_report(YEAR, ABQ, minimum=3)

    assert row(report, "district", ALBUQUERQUE).completers.count == 3


def test_a_district_view_hides_what_the_statewide_view_hides_to_protect_another_district():
    welding = program()
    many("A", 20, albuquerque(), welding, completer=True)
    many("B", 3, alamogordo(), welding, completer=True)
    many("B2", 20, alamogordo(), welding)

    statewide = reports.status_report(YEAR, STATE, minimum=10)
    district = reports.status_report(YEAR, ABQ, minimum=10)

    # Alamogordo's 3 = state - Albuquerque: Albuquerque's 20 is hidden in both views.
    assert row(statewide, "district", ALBUQUERQUE).completers.reason == "complementary"
    assert row(district, "district", ALBUQUERQUE) == row(statewide, "district", ALBUQUERQUE)


# --- Source ---------------------------------------------------------------------------------


def test_the_source_names_the_uploads_behind_the_report():
    for district in (albuquerque(), alamogordo()):
        RecordUpload.objects.create(
            kind=RecordUpload.Kind.COURSES,
            district=district,
            school_year=YEAR,
            file_name="courses.csv",
            sha256="0" * 64,
            rows=10,
        )

    statewide = reports.status_report(YEAR, STATE)
    district = reports.status_report(YEAR, ABQ)

    assert "2 school districts" in statewide.source and "2024-25" in statewide.source
    assert albuquerque().name in district.source


def test_the_source_says_when_nothing_was_uploaded():
    assert "No course records" in reports.status_report(YEAR, STATE).source
