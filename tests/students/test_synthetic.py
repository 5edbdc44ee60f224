"""Synthetic student records: deterministic, clearly made up, and importable as they are."""

import csv
from pathlib import Path

import pytest

from pathways.framework.models import Cluster
from pathways.programs import transfer as program_importing
from pathways.students import importing, synthetic
from pathways.students.models import ProgramStatus
from pathways.students.status import recompute
from tests.factories import ClusterFactory, StateAdminFactory, SubClusterFactory, load_state_profile

pytestmark = pytest.mark.django_db

STUDENTS = 300


@pytest.fixture
def reference_data() -> None:
    """The districts of the state profile and a handful of 2024-framework sub-clusters."""
    load_state_profile()
    cluster = ClusterFactory(code="synthetic-test-cluster")
    for number in range(12):
        SubClusterFactory(
            code=f"synthetic-test-subcluster-{number}", cluster=cluster, name=f"Trade {number}"
        )


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.usefixtures("reference_data")
def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    first = synthetic.generate(tmp_path / "a", students=STUDENTS, seed=7)
    second = synthetic.generate(tmp_path / "b", students=STUDENTS, seed=7)
    other = synthetic.generate(tmp_path / "c", students=STUDENTS, seed=8)

    for kind, path in first.items():
        assert path.read_bytes() == second[kind].read_bytes(), kind
    assert first["courses"].read_bytes() != other["courses"].read_bytes()


@pytest.mark.usefixtures("reference_data")
def test_files_are_clearly_synthetic(tmp_path: Path) -> None:
    files = synthetic.generate(tmp_path, students=STUDENTS)

    courses = read(files["courses"])
    assert all(row["student_id"].startswith("SYN") for row in courses)
    assert all(row["school_name"].startswith("Synthetic School ") for row in courses)
    assert all(row["course_code"].startswith("SYN") for row in courses)
    assert all(row["program_title"].startswith("Synthetic: ") for row in read(files["programs"]))
    assert "SYNTHETIC DATA" in (tmp_path / "README.txt").read_text()


@pytest.mark.usefixtures("reference_data")
def test_about_ten_course_attempts_per_student_with_some_failed(tmp_path: Path) -> None:
    courses = read(synthetic.generate(tmp_path, students=STUDENTS)["courses"])

    students = {row["student_id"] for row in courses}
    failed = sum(row["passed"] == "N" for row in courses)
    assert len(students) == STUDENTS
    assert 8 <= len(courses) / STUDENTS <= 12
    assert 0.03 <= failed / len(courses) <= 0.12


@pytest.mark.usefixtures("reference_data")
def test_cohorts_advance_one_grade_a_year(tmp_path: Path) -> None:
    courses = read(synthetic.generate(tmp_path, students=STUDENTS)["courses"])

    grades: dict[str, set[int]] = {}
    for row in courses:
        grades.setdefault(row["student_id"], set()).add(
            int(row["school_year"]) - int(row["grade_level"])
        )
    assert all(len(offsets) == 1 for offsets in grades.values())
    assert {int(row["grade_level"]) for row in courses} == {9, 10, 11, 12}


@pytest.mark.usefixtures("reference_data")
def test_the_largest_district_has_the_most_students(tmp_path: Path) -> None:
    courses = read(synthetic.generate(tmp_path, students=STUDENTS)["courses"])

    per_district: dict[str, set[str]] = {}
    for row in courses:
        per_district.setdefault(row["district_nces_id"], set()).add(row["student_id"])
    largest = max(per_district, key=lambda nces_id: len(per_district[nces_id]))
    assert largest == synthetic.LARGEST_DISTRICT


def test_generation_needs_the_districts_and_framework_loaded(tmp_path: Path) -> None:
    # Another test module may have loaded the session's data: remove it for this test.
    Cluster.objects.all().delete()
    with pytest.raises(synthetic.MissingReferenceData):
        synthetic.generate(tmp_path, students=10)


@pytest.mark.usefixtures("reference_data")
def test_imported_files_give_concentrators_and_completers(tmp_path: Path) -> None:
    files = synthetic.generate(tmp_path, students=STUDENTS)
    admin = StateAdminFactory()
    program_importing.import_file(files["programs"], admin, status="approved")
    for kind in ("courses", "credentials", "work_based_learning", "dual_credit", "graduation"):
        importing.import_file(files[kind], kind=kind, user=admin, check=False)

    summary = recompute()

    assert summary.concentrators > 0
    assert summary.completers > 0
    assert ProgramStatus.objects.filter(completer_year__isnull=False).exists()
