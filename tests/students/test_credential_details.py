"""The credentials layout's optional issuer and date earned: read, checked and stored."""

from datetime import date
from pathlib import Path

import pytest

from pathways.datasets.errors import ImportValidationError
from pathways.students import importing
from pathways.students.layout_files import template_csv
from pathways.students.models import CredentialEarned
from tests.factories import albuquerque

pytestmark = pytest.mark.django_db
HEADER = "student_id,district_nces_id,school_year,credential,issuer,date_earned"


@pytest.fixture(autouse=True)
def district() -> None:
    albuquerque()


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "credentials.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_issuer_and_date_are_stored_and_may_be_blank(tmp_path):
    path = write(
        tmp_path,
        "S1,3500060,2025,ServSafe Food Handler,National Restaurant Association,2025-02-03",
        "S1,3500060,2025,CPR and First Aid,,3/14/2025",
        "S2,3500060,2025,OSHA 10,,",
    )
    importing.import_file(path, kind="credentials")
    rows = CredentialEarned.objects.values_list("credential", "issuer", "date_earned")
    assert set(rows) == {
        ("ServSafe Food Handler", "National Restaurant Association", date(2025, 2, 3)),
        ("CPR and First Aid", "", date(2025, 3, 14)),
        ("OSHA 10", "", None),
    }


def test_a_file_without_the_optional_columns_still_loads(tmp_path):
    path = tmp_path / "credentials.csv"
    path.write_text("student_id,district_nces_id,school_year,credential\nS1,3500060,2025,OSHA 10\n")
    importing.import_file(path, kind="credentials")
    assert CredentialEarned.objects.get().date_earned is None


@pytest.mark.parametrize(
    "value", ["March 2025", "2025-02-30", "1999-12-31", "2999-01-01", "13/01/2025"]
)
def test_a_bad_or_implausible_date_is_a_problem_of_its_row_and_column(tmp_path, value):
    path = write(tmp_path, f"S1,3500060,2025,OSHA 10,,{value}")
    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(path, kind="credentials")
    (problem,) = raised.value.problems
    assert (problem.row, problem.column) == (2, "date_earned")
    assert value in str(problem)


def test_an_oversize_issuer_is_a_problem(tmp_path):
    path = write(tmp_path, f"S1,3500060,2025,OSHA 10,{'x' * 201},")
    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(path, kind="credentials")
    assert raised.value.problems[0].column == "issuer"


def test_the_template_names_the_new_columns():
    header = template_csv("credentials").decode().splitlines()[0]
    assert header.endswith("issuer,date_earned")
