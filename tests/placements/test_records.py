"""Verified hours feed Perkins 5S3 through a site-written work-based learning record, which
district uploads leave alone (and the other way round)."""

from decimal import Decimal
from pathlib import Path

import pytest

from pathways.core.cache import content_version
from pathways.placements import hours, records
from pathways.students import indicators
from pathways.students.importing import import_file
from pathways.students.models import GraduationRecord, WorkBasedLearningRecord
from tests.factories import ALBUQUERQUE, albuquerque
from tests.factories.placements import HoursEntryFactory, PlacementFactory
from tests.students.conftest import ABQ, YEAR, many, program
from tests.students.test_indicators import indicator, uploaded

pytestmark = pytest.mark.django_db
SITE = WorkBasedLearningRecord.Source.SITE
FILE = WorkBasedLearningRecord.Source.FILE


def verify_through_both(placement, *values: str) -> None:  # type: ignore[no-untyped-def]
    entries = [HoursEntryFactory(placement=placement, hours=Decimal(v)) for v in values]
    decisions = [hours.Decision(e.pk, True) for e in entries]
    hours.supervisor_decide(placement, decisions)
    hours.teacher_decide(placement, decisions)


def graduates(count: int) -> None:
    """`count` concentrators of Albuquerque who graduate in YEAR (G0, G1, ...)."""
    many("G", count, albuquerque(), program())
    GraduationRecord.objects.bulk_create(
        GraduationRecord(
            student_id=f"G{n}",
            district=albuquerque(),
            cohort_year=YEAR,
            graduated=True,
            graduation_year=YEAR,
        )
        for n in range(count)
    )


def from_file(*student_ids: str) -> None:
    for student_id in student_ids:
        WorkBasedLearningRecord.objects.create(
            student_id=student_id, school_year=YEAR, district=albuquerque(), kind="job_shadowing"
        )


def test_verification_raises_the_5s3_figure_and_the_cached_report_refreshes():
    graduates(30)
    from_file(*(f"G{n}" for n in range(10)))
    uploaded("graduation", "work_based_learning")
    before = indicator(indicators.perkins_indicators(YEAR, ABQ), "5S3")  # cached
    assert (before.numerator.count, before.denominator.count) == (10, 30)

    placement = PlacementFactory(student__student_id="G10", school_year=YEAR)
    public = content_version()
    verify_through_both(placement, "3", "4.5")

    after = indicator(indicators.perkins_indicators(YEAR, ABQ), "5S3")
    assert (after.numerator.count, after.denominator.count) == (11, 30)
    assert after.rate.display == "36.7%"
    assert content_version() == public  # cached public pages (keyed by it) stay cached


def test_hours_waiting_for_the_teacher_do_not_count():
    graduates(12)
    uploaded("graduation", "work_based_learning")
    placement = PlacementFactory(student__student_id="G0", school_year=YEAR)
    entry = HoursEntryFactory(placement=placement)
    hours.supervisor_decide(placement, [hours.Decision(entry.pk, True)])

    found = indicator(indicators.perkins_indicators(YEAR, ABQ, minimum=1), "5S3")
    assert found.numerator.count == 0


def test_small_numbers_of_verified_students_stay_suppressed():
    graduates(12)
    uploaded("graduation")  # no district file of work-based learning at all
    unavailable = indicator(indicators.perkins_indicators(YEAR, ABQ), "5S3")
    assert not unavailable.available

    for student_id in ("G0", "G1"):
        verify_through_both(PlacementFactory(student__student_id=student_id), "6")

    exact = indicator(indicators.perkins_indicators(YEAR, ABQ, minimum=1), "5S3")
    assert (exact.numerator.count, exact.denominator.count) == (2, 12)
    published = indicator(indicators.perkins_indicators(YEAR, ABQ), "5S3")
    # Verified hours stand in for the district's file, and the count is still hidden.
    assert published.available and published.numerator.suppressed
    assert published.numerator.count is None


def test_an_unlinked_account_writes_no_record_until_it_is_linked():
    placement = PlacementFactory(student__student_id="")
    verify_through_both(placement, "5")
    assert not WorkBasedLearningRecord.objects.exists()

    placement.student.student_id = "NM777"
    placement.student.save()
    record = WorkBasedLearningRecord.objects.get()
    assert (record.student_id, record.hours, record.source) == ("NM777", 5, SITE)

    placement.student.student_id = "NM778"  # corrected by the counselor
    placement.student.save(update_fields=["student_id"])
    assert list(WorkBasedLearningRecord.objects.values_list("student_id", "hours")) == [
        ("NM778", 5)
    ]


def test_two_placements_of_one_kind_in_a_year_add_up_in_one_record():
    first = PlacementFactory(student__student_id="NM900")
    second = PlacementFactory(student=first.student, teacher=first.teacher, organization="UNM")
    verify_through_both(first, "2.5")
    verify_through_both(second, "1", "0.5")
    assert WorkBasedLearningRecord.objects.get().hours == 4
    assert records.verified_hours("NM900", YEAR, ALBUQUERQUE, "internship") == Decimal("4")


def test_a_district_upload_leaves_site_rows_and_replaces_only_its_own(fixtures: Path):
    # TEST-0001 has a site internship and the file's internship for the same year.
    verify_through_both(PlacementFactory(student__student_id="TEST-0001"), "8")
    verify_through_both(PlacementFactory(student__student_id="TEST-9999"), "2")
    stale = WorkBasedLearningRecord.objects.create(
        student_id="OLD-1", school_year=YEAR, district=albuquerque(), kind="tour"
    )

    summary = import_file(
        fixtures / "students" / "work_based_learning.csv", kind="work_based_learning", confirm=True
    )

    assert not WorkBasedLearningRecord.objects.filter(pk=stale.pk).exists()  # replaced
    assert set(
        WorkBasedLearningRecord.objects.filter(source=SITE).values_list("student_id", "hours")
    ) == {("TEST-0001", 8), ("TEST-9999", 2)}
    assert set(
        WorkBasedLearningRecord.objects.filter(source=FILE).values_list("student_id", "hours")
    ) == {("TEST-0001", 120), ("TEST-0002", None), ("TEST-0004", 300)}
    # The upload's before-and-after counts are its own rows: the stale one, not the site's.
    abq = next(g for g in summary.district_years if g.district_id == ALBUQUERQUE)
    assert abq.rows_before == 1


def test_verifying_leaves_the_district_files_rows_alone():
    from_file("G5")
    verify_through_both(PlacementFactory(student__student_id="G5", kind="job_shadowing"), "3")
    assert set(WorkBasedLearningRecord.objects.values_list("source", "hours")) == {
        (FILE, None),
        (SITE, 3),
    }


def test_the_verified_placement_is_offered_to_the_resume_with_organization_and_hours():
    from pathways.resumes import prefill, services

    placement = PlacementFactory(student__student_id="NM321", organization="Sandia Labs")
    verify_through_both(placement, "10", "2.75")
    resume = services.resume_for(placement.student)

    offered = [s for s in prefill.suggestions(resume) if s.key.startswith("placement:")]
    assert [s.item for s in offered] == [
        {
            "kind": "Internship",
            "organization": "Sandia Labs",
            "hours": 12,
            "schoolYear": "2024-25",
        }
    ]
    # The site's record is not offered a second time as a record without the organization.
    assert not [s for s in prefill.suggestions(resume) if s.key.startswith("wbl:")]
    assert prefill.decide(resume, offered[0].key, add=True)
    resume.refresh_from_db()
    assert resume.document["meta"]["workBasedLearning"][0]["organization"] == "Sandia Labs"


def test_an_unlinked_account_is_offered_its_verified_placement_without_the_nothing_notice(client):  # type: ignore[no-untyped-def]
    from django.urls import reverse

    placement = PlacementFactory(student__student_id="")
    verify_through_both(placement, "5")
    client.force_login(placement.student)
    page = client.get(reverse("resumes:home")).content.decode()
    assert "nothing can be filled in" not in page
    assert 'name="key"' in page  # the placement is offered
