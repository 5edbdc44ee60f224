"""Both import pages follow one upload flow (core/uploads.py, core/problems.py): 413 for a
file over the size cap, 400 for a bad form, 422 with the problems grouped and a CSV of them
all, and a summary when the file is good."""

import csv
import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from pathways.programs.transfer import COLUMNS
from pathways.programs.transfer.views import ImportForm
from pathways.students.forms import UploadForm
from tests.factories.accounts import StateAdminFactory
from tests.factories.geography import ALBUQUERQUE, albuquerque
from tests.factories.programs import SubClusterFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Importer:
    url: str
    form: Any
    fields: dict[str, str]
    problems_csv: str  # where the 422 page links its CSV (a prefix for a job's)
    summary: str

    def post(self, client: Client, name: str, content: bytes, **fields: str) -> Any:
        data = {"file": SimpleUploadedFile(name, content), **self.fields, **fields}
        return client.post(self.url, data, follow=True)


PROGRAMS = Importer(
    "/programs/import/", ImportForm, {}, "/programs/import/problems.csv", "Programs imported"
)
STUDENTS = Importer(
    "/students/upload/",
    UploadForm,
    {"kind": "courses", "scope": "district_year"},
    "/students/upload/jobs/",
    "was loaded.",
)


def programs_file(subcluster: str, description: str = "Two courses.") -> bytes:
    rows = [COLUMNS]
    for position, code in ((1, "TST-1"), (2, "TST-2")):
        values = {
            "district_nces_id": ALBUQUERQUE,
            "program_title": "Test program",
            "subcluster_code": subcluster,
            "program_description": description,
            "position": str(position),
            "course_code": code,
            "course_title": f"Course {position}",
            "is_capstone": "yes" if position == 2 else "no",
        }
        rows.append([values.get(column, "") for column in COLUMNS])
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode()


STUDENT_HEADER = (
    "student_id,district_nces_id,school_code,school_year,term,course_code,credit_earned,"
    "passed,grade_level,sex,race_ethnicity"
)


def good_file(importer: Importer) -> bytes:
    if importer is PROGRAMS:
        return programs_file(SubClusterFactory().code)
    return f"{STUDENT_HEADER}\nT1,{ALBUQUERQUE},520,2025,S1,WLD1,1,Y,11,F,hispanic\n".encode()


@pytest.fixture
def admin(client: Client) -> Client:
    albuquerque()
    client.force_login(StateAdminFactory())
    return client


BOTH = pytest.mark.parametrize("importer", [PROGRAMS, STUDENTS], ids=["programs", "students"])


@BOTH
def test_a_file_over_the_size_cap_is_413(
    admin: Client, importer: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer.form, "max_bytes", 10)

    response = importer.post(admin, "big.csv", b"x" * 100)

    assert response.status_code == 413
    assert "the limit is 10" in response.content.decode()


@BOTH
def test_a_request_far_over_the_size_cap_is_413_before_reading(
    admin: Client, importer: Importer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer.form, "max_bytes", 10)

    response = importer.post(admin, "big.csv", b"x" * 200_000)

    assert response.status_code == 413
    assert "larger than the limit of 10" in response.content.decode()


@BOTH
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "is not a .csv or .xlsx file"),
        ("empty.csv", b"", "file is empty"),
    ],
)
def test_a_bad_form_is_400(
    admin: Client, importer: Importer, name: str, content: bytes, message: str
) -> None:
    response = importer.post(admin, name, content)

    assert response.status_code == 400
    assert message in response.content.decode()


@BOTH
def test_a_file_with_problems_is_422_grouped_with_a_csv_of_every_problem(
    admin: Client, importer: Importer
) -> None:
    response = importer.post(admin, "names.csv", b"name,=cmd|' /C calc'!A0\nAna,1\n")

    assert response.status_code == 422
    page = response.content.decode()
    assert "names.csv has" in page and "Nothing was saved" in page
    assert 'class="figures upload-problems cards"' in page  # the one problems table
    start = page.index(f'href="{importer.problems_csv}') + len('href="')
    problems_url = page[start : page.index('"', start)]
    download = admin.get(problems_url)
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert lines[0] == ["row", "column", "problem"] and len(lines) > 2
    # Text from the file is data, never a formula, in the problems CSV.
    cells = [cell for line in lines for cell in line]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    if importer is STUDENTS:  # the students layout names the unknown column
        assert "'=cmd|' /C calc'!A0" in cells


@BOTH
def test_a_good_file_gets_its_summary(admin: Client, importer: Importer) -> None:
    response = importer.post(admin, "good.csv", good_file(importer))

    assert response.status_code == 200
    assert importer.summary in response.content.decode()


@BOTH
def test_check_only_is_the_same_box_on_both_pages(admin: Client, importer: Importer) -> None:
    response = importer.post(admin, "good.csv", good_file(importer), check_only="on")

    assert response.status_code == 200
    assert "This was a check only: nothing was saved." in response.content.decode()
