"""The programs import reads files within the same bounds as every upload, and refuses a
header that names a column twice."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pathways.datasets.errors import ImportValidationError
from pathways.programs.transfer import COLUMNS, parse_programs
from tests.core.hostile import far_cell, xml_bomb
from tests.factories import StateAdminFactory

pytestmark = pytest.mark.django_db
IMPORT = "/programs/import/"


def test_a_repeated_column_name_is_refused_rather_than_the_second_winning(
    tmp_path: Path,
) -> None:
    header = [*COLUMNS, "course_title"]
    path = tmp_path / "programs.csv"
    path.write_text(",".join(header) + "\n" + ",".join(["x"] * len(header)) + "\n")

    with pytest.raises(ImportValidationError) as error:
        parse_programs(path)

    assert "row 1, column 'course_title': appears twice in the header" in str(error.value)


@pytest.mark.parametrize(
    ("build", "message"),
    [(far_cell, "has cells beyond row"), (xml_bomb, "is compressed more than 100 times")],
)
def test_hostile_workbooks_answer_422_with_a_message(
    client, tmp_path: Path, build, message
) -> None:
    client.force_login(StateAdminFactory())
    path = build(tmp_path / "programs.xlsx")

    response = client.post(
        IMPORT, {"file": SimpleUploadedFile("programs.xlsx", path.read_bytes()), "check_only": "on"}
    )

    assert response.status_code == 422
    assert message in response.content.decode()
