"""Issue #13 point 5: a coordinator's import never alters another district's approved
program through the shared course catalogue; every catalogue change is in the audit log."""

from decimal import Decimal
from pathlib import Path

import pytest

from pathways.datasets.errors import ImportValidationError
from pathways.programs.models import Course, ProgramOfStudy
from pathways.programs.transfer import import_file
from tests.factories import ALBUQUERQUE, DistrictCoordinatorFactory, StateAdminFactory
from tests.programs.test_importing import GOOD, LAS_CRUCES, read_rows, write_csv

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def albuquerque_rows() -> list[dict[str, str]]:
    return [r for r in read_rows(GOOD) if r["district_nces_id"] == ALBUQUERQUE]


def approve_in_las_cruces(tmp_path: Path, credits: str) -> ProgramOfStudy:
    """District B's approved program, using course TST-HLT-1 with `credits`."""
    rows = albuquerque_rows()
    for row in rows:
        row["district_nces_id"] = LAS_CRUCES
        if row["course_code"] == "TST-HLT-1":
            row["credits"] = credits
    import_file(write_csv(tmp_path / "b.csv", rows), StateAdminFactory(), status="approved")
    return ProgramOfStudy.objects.get(district_id=LAS_CRUCES, title=rows[0]["program_title"])


def test_another_districts_coordinator_cannot_change_a_shared_course(tmp_path, real_data):
    program_b = approve_in_las_cruces(tmp_path, "0.5")
    course = Course.objects.get(state_code="TST-HLT-1")
    records = course.history.count()
    coordinator = DistrictCoordinatorFactory()  # Albuquerque

    with pytest.raises(ImportValidationError) as error:
        import_file(write_csv(tmp_path / "a.csv", albuquerque_rows()), coordinator)

    [problem] = error.value.problems
    assert problem.column == "credits"
    assert "TST-HLT-1 has 0.5 credits" in problem.problem
    assert "only state staff can change it" in problem.problem
    course.refresh_from_db()
    assert course.credits == Decimal("0.5")
    assert course.history.count() == records
    placement = program_b.sequence.get(course__state_code="TST-HLT-1")
    assert placement.course.credits == Decimal("0.5")
    assert not ProgramOfStudy.objects.filter(district_id=ALBUQUERQUE).exists()


def test_the_same_values_import_fine_for_the_other_district(tmp_path, real_data):
    approve_in_las_cruces(tmp_path, "1")  # as in the Albuquerque rows

    summary = import_file(
        write_csv(tmp_path / "a.csv", albuquerque_rows()), DistrictCoordinatorFactory()
    )

    assert [c.district for c in summary.created] == ["Albuquerque Public Schools"]
    assert summary.courses_updated == []


def test_the_state_changes_a_shared_course_with_an_audit_record(tmp_path, real_data):
    approve_in_las_cruces(tmp_path, "0.5")
    admin = StateAdminFactory()

    summary = import_file(write_csv(tmp_path / "a.csv", albuquerque_rows()), admin)

    assert summary.courses_updated == ["TST-HLT-1 Introduction to Health Careers"]
    course = Course.objects.get(state_code="TST-HLT-1")
    assert course.credits == Decimal("1.0")
    latest = course.history.latest()
    assert (latest.history_type, latest.history_user, latest.credits) == (
        "~",
        admin,
        Decimal("1.0"),
    )


def test_a_coordinator_may_change_a_course_only_their_drafts_use(tmp_path, real_data):
    coordinator = DistrictCoordinatorFactory()
    rows = albuquerque_rows()
    import_file(write_csv(tmp_path / "a.csv", rows), coordinator)
    for row in rows:
        if row["course_code"] == "TST-HLT-1":
            row["credits"] = "0.5"

    summary = import_file(write_csv(tmp_path / "a2.csv", rows), coordinator)

    assert summary.courses_updated == ["TST-HLT-1 Introduction to Health Careers"]
    course = Course.objects.get(state_code="TST-HLT-1")
    assert course.history.latest().history_user == coordinator
    assert coordinator.has_perm("programs.change_course", course)
    assert not DistrictCoordinatorFactory(district_id=LAS_CRUCES).has_perm(
        "programs.change_course", course
    )


def test_a_postsecondary_program_listed_twice_is_refused(tmp_path, real_data):
    rows = albuquerque_rows()
    for row in rows:
        row["postsecondary"] += "; test community college | NURSING ASSISTANT | 51.3902"

    with pytest.raises(ImportValidationError) as error:
        import_file(write_csv(tmp_path / "twice.csv", rows), StateAdminFactory())

    assert {p.column for p in error.value.problems} == {"postsecondary"}
    assert "is listed twice; list each postsecondary program once" in str(error.value)
    assert not ProgramOfStudy.objects.filter(district_id=ALBUQUERQUE).exists()
