import gzip
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from pathways.datasets import onet
from pathways.datasets.errors import ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.occupations.models import (
    JobZone,
    OnetEducation,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    OnetTitle,
)

FIXTURE_COUNTS = {
    "Job zones": 5,
    "O*NET occupations": 4,
    "Education, training and experience shares": 11,
    "Job titles": 8,
    "Related occupations": 4,
    "Tasks": 6,
}


def onet_files(folder: Path) -> dict[str, Path]:
    """What `load` receives: every file the registry names, as found in `folder`."""
    files = {}
    for item in get_source("onet").files:
        plain, gzipped = folder / item.name, folder / f"{item.name}.gz"
        files[item.name] = plain if plain.exists() else gzipped
    return files


@pytest.fixture
def onet_dir(fixtures: Path, tmp_path: Path) -> Path:
    """A copy of the fixture files that a test may break."""
    return Path(shutil.copytree(fixtures / "onet", tmp_path / "onet"))


def edit(folder: Path, name: str, row: int, column: str | None, value: str = "") -> None:
    """Set one field (rows numbered as the file's lines, header = 1); column None drops the
    line's last field, as a truncated download would."""
    path = folder / name
    lines = [line.split("\t") for line in path.read_bytes().decode().split("\r\n")]
    if column is None:
        lines[row - 1].pop()
    else:
        lines[row - 1][lines[0].index(column)] = value
    path.write_text("\r\n".join("\t".join(f) for f in lines), encoding="utf-8", newline="")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ImportValidationError) as raised:
        onet.parse(onet_files(folder))
    return [str(p) for p in raised.value.problems]


def test_fixtures_are_in_the_official_format(fixtures):
    for path in onet_files(fixtures / "onet").values():
        data = path.read_bytes()
        assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), path.name
        assert b"\t" in data.split(b"\r\n")[0], path.name


def test_interests_give_ratings_and_a_holland_code(fixtures):
    occupations = {o.code: o for o in onet.parse(onet_files(fixtures / "onet")).occupations}
    nurse = occupations["29-1141.00"]
    assert nurse.holland_code == "SIC"
    assert nurse.social == Decimal("6.10")
    assert nurse.realistic == Decimal("3.20")
    assert nurse.soc_code == "29-1141"
    # A third high point of 0 means there is none.
    assert occupations["47-2111.00"].holland_code == "RC"
    # Detailed O*NET occupations without ratings or a job zone still load.
    acute = occupations["29-1141.01"]
    assert (acute.holland_code, acute.social, acute.job_zone) == ("", None, None)


@pytest.mark.django_db
def test_load_writes_every_table(fixtures):
    assert onet.load(onet_files(fixtures / "onet")) == FIXTURE_COUNTS
    nurse = OnetOccupation.objects.get(code="29-1141.00")
    assert (nurse.job_zone, nurse.holland_code, nurse.investigative) == (3, "SIC", Decimal("4.60"))
    assert JobZone.objects.get(number=3).name == "Job Zone Three: Medium Preparation Needed"
    assert JobZone.objects.get(number=4).training.startswith("Several years")


@pytest.mark.django_db
def test_education_shares_carry_their_category_labels(fixtures):
    onet.load(onet_files(fixtures / "onet"))
    shares = OnetEducation.objects.filter(onet_code="29-1141.00", scale="RL")
    assert {s.category_label: s.percent for s in shares} == {
        "High school diploma or equivalent": Decimal("0.00"),
        "Associate's degree": Decimal("38.20"),
        "Bachelor's degree": Decimal("61.80"),
    }
    # IM rows (importance of an apprenticeship) have no categories and are not stored.
    assert not OnetEducation.objects.exclude(scale__in=["RL", "RW", "PT", "OJ"]).exists()


@pytest.mark.django_db
def test_titles_are_folded_for_search_and_stored_once(fixtures):
    onet.load(onet_files(fixtures / "onet"))
    found = OnetTitle.objects.get(search_text="enfermera registrada (bilingue)")
    assert (found.onet_code, found.title) == ("29-1141.00", "Enfermera Registrada (Bilingüe)")
    # A reported title that is also an alternate title is one row, marked reported.
    electrician = OnetTitle.objects.get(search_text="journeyman electrician")
    assert (electrician.title, electrician.kind) == ("Journeyman Electrician", "reported")
    assert OnetTitle.objects.filter(kind="reported").count() == 3
    assert OnetTitle.objects.filter(kind="alternate").count() == 5


@pytest.mark.django_db
def test_core_tasks_come_first_and_untyped_tasks_are_not_core(fixtures):
    onet.load(onet_files(fixtures / "onet"))
    tasks = [(t.task_id, t.is_core) for t in OnetTask.objects.filter(onet_code="29-1141.00")]
    assert tasks == [(1841, True), (2050, True), (1840, False), (1899, False)]
    # A bare quote mark inside a statement is text, not CSV quoting.
    assert OnetTask.objects.get(task_id=1899).statement == 'Direct "float" staff between units.'


@pytest.mark.django_db
def test_related_occupations_in_rank_order(fixtures):
    onet.load(onet_files(fixtures / "onet"))
    related = OnetRelated.objects.filter(onet_code="29-1141.00")
    assert [(r.related_code, r.tier) for r in related] == [
        ("29-1141.01", "Primary-Short"),
        ("15-1252.00", "Supplemental"),
    ]


@pytest.mark.django_db
def test_load_is_idempotent_and_reads_gzipped_files(onet_dir):
    assert onet.load(onet_files(onet_dir)) == FIXTURE_COUNTS
    # The mirror stores the largest files gzipped.
    for name in ("Alternate Titles.txt", "Task Statements.txt"):
        path = onet_dir / name
        with gzip.open(f"{path}.gz", "wb") as out:
            out.write(path.read_bytes())
        path.unlink()
    assert onet.load(onet_files(onet_dir)) == FIXTURE_COUNTS
    assert OnetOccupation.objects.count() == 4
    assert OnetTitle.objects.count() == 8


OCC = "Occupation Data.txt"
EDU = "Education, Training, and Experience.txt"
CATEGORIES = "Education, Training, and Experience Categories.txt"
CODE = "O*NET-SOC Code"
# file, row, column, bad value, the problem reported for it
BROKEN = [
    (OCC, 3, CODE, "29-1141", "'29-1141' is not a code like 29-1141.00"),
    ("Interests.txt", 5, "Data Value", "high", "'high' is not a number"),
    ("Interests.txt", 8, "Data Value", "7", "'7' is not between 0 and 6"),
    ("Job Zones.txt", 3, "Job Zone", "6", "'6' is not in Job Zone Reference.txt"),
    ("Job Zone Reference.txt", 2, "Job Zone", "one", "'one' is not a number"),
    (EDU, 3, "Data Value", "about 40", "'about 40' is not a number"),
    (EDU, 4, "Category", "9", f"'9' of scale RL is not in {CATEGORIES}"),
    (CATEGORIES, 2, "Scale ID", "XX", "'XX' is not one of RL, RW, PT, OJ"),
    ("Alternate Titles.txt", 4, CODE, "29-1141.09", f"'29-1141.09' is not in {OCC}"),
    ("Sample of Reported Titles.txt", 2, "Reported Job Title", "", "is empty"),
    (
        "Related Occupations.txt",
        2,
        "Related O*NET-SOC Code",
        "29-1141.1",
        "'29-1141.1' is not a code like 29-1141.00",
    ),
    ("Related Occupations.txt", 3, "Index", "2.5", "'2.5' is not a whole number"),
    (
        "Task Statements.txt",
        3,
        "Task Type",
        "Optional",
        "'Optional' is not Core, Supplemental or n/a",
    ),
]


@pytest.mark.parametrize(("name", "row", "column", "value", "problem"), BROKEN)
def test_a_bad_value_is_reported_with_file_row_and_column(
    onet_dir, name, row, column, value, problem
):
    edit(onet_dir, name, row, column, value)
    assert problems(onet_dir) == [f"{name}, row {row}, column '{column}': {problem}"]


@pytest.mark.parametrize("name", [item.name for item in get_source("onet").files])
def test_a_truncated_line_is_reported_in_every_file(onet_dir, name):
    edit(onet_dir, name, 2, None)
    [message] = problems(onet_dir)
    assert message.startswith(f"{name}, row 2: has ")
    assert message.endswith("(truncated or malformed line)")


def test_problems_in_several_files_are_reported_together(onet_dir):
    edit(onet_dir, "Job Zones.txt", 2, "Job Zone", "x")
    edit(onet_dir, "Task Statements.txt", 4, "Task ID", "")
    edit(onet_dir, "Task Statements.txt", 5, "O*NET-SOC Code", "11-1011.00")
    assert problems(onet_dir) == [
        "Job Zones.txt, row 2, column 'Job Zone': 'x' is not a number",
        "Task Statements.txt, row 4, column 'Task ID': is empty",
        "Task Statements.txt, row 5, column 'O*NET-SOC Code': '11-1011.00' is not in"
        " Occupation Data.txt",
    ]


def test_a_missing_column_is_reported(onet_dir):
    edit(onet_dir, "Interests.txt", 1, "Scale ID", "Scale")
    assert problems(onet_dir) == [
        "Interests.txt, row 1, column 'Scale ID': column is missing from the header"
    ]


@pytest.mark.django_db
def test_a_failed_load_leaves_nothing_half_written(onet_dir, fixtures):
    onet.load(onet_files(fixtures / "onet"))
    edit(onet_dir, "Task Statements.txt", 2, "Task ID", "T1")
    with pytest.raises(ImportValidationError):
        onet.load(onet_files(onet_dir))
    assert OnetTask.objects.count() == FIXTURE_COUNTS["Tasks"]


@pytest.mark.mirror
@pytest.mark.django_db
def test_real_onet_30_1_loads(mirror):
    report = load_source(get_source("onet"), mirror)
    assert report.row_counts == {
        "Job zones": 5,
        "O*NET occupations": 1016,
        "Education, training and experience shares": 35998,
        "Job titles": 56505,
        "Related occupations": 18460,
        "Tasks": 18796,
    }
    occupations = OnetOccupation.objects
    assert occupations.exclude(holland_code="").count() == 923
    assert occupations.filter(realistic__isnull=False, conventional__isnull=False).count() == 923
    assert occupations.filter(job_zone__isnull=False).count() == 923
    nurse = occupations.get(code="29-1141.00")
    assert (nurse.title, nurse.job_zone, nurse.holland_code) == ("Registered Nurses", 4, "SIC")
    assert nurse.social == Decimal("5.62")
    assert OnetTask.objects.filter(is_core=True).count() == 13643
    first_task = OnetTask.objects.filter(onet_code="29-1141.00").first()
    assert first_task is not None and first_task.is_core
    assert OnetTitle.objects.filter(kind="reported").count() == 7955
    assert OnetTitle.objects.filter(onet_code="29-1141.00", search_text="staff nurse").exists()
    labels = set(OnetEducation.objects.filter(scale="RL").values_list("category_label", flat=True))
    assert "Bachelor's Degree" in labels
