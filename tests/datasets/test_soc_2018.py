from pathlib import Path

import pytest

from pathways.datasets import soc_2018
from pathways.datasets.errors import ImportValidationError
from pathways.occupations.models import SocCode
from tests.fixtures.workbooks import write_workbook

TITLE_ROWS = [
    ["U.S. Bureau of Labor Statistics"],
    ["On behalf of the Office of Management and Budget"],
    [],
    ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"],
]
GOOD_ROWS = [
    ["Major", "29-0000", "Healthcare Practitioners and Technical Occupations", ""],
    ["Minor", "29-1000", "Healthcare Diagnosing or Treating Practitioners", ""],
    ["Broad", "29-1140", "Registered Nurses", ""],
    ["Detailed", "29-1141", "Registered Nurses", "Assess patient health problems and needs."],
]


def soc_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    return write_workbook(tmp_path / soc_2018.FILE, {"2018 SOC": TITLE_ROWS + rows})


def test_parse_builds_the_hierarchy_from_codes(tmp_path):
    codes = {c.code: c for c in soc_2018.parse(soc_file(tmp_path, GOOD_ROWS))}
    assert codes["29-1141"].level == "detailed"
    assert codes["29-1141"].parent_code == "29-1140"
    assert codes["29-1140"].parent_code == "29-1000"
    assert codes["29-1000"].parent_code == "29-0000"
    assert codes["29-1141"].definition.startswith("Assess patient")


def test_every_bad_row_is_reported_with_row_and_column(tmp_path):
    rows = [
        *GOOD_ROWS,
        ["Detailed", "29-114", "Bad code", ""],
        ["Tiny", "29-1151", "Nurse Anesthetists", ""],
    ]
    with pytest.raises(ImportValidationError) as raised:
        list(soc_2018.parse(soc_file(tmp_path, rows)))
    messages = [str(p) for p in raised.value.problems]
    assert messages == [
        "soc_2018_definitions.xlsx, row 9, column 'SOC Code': '29-114' is not a code like 29-1141",
        "soc_2018_definitions.xlsx, row 10, column 'SOC Group': "
        "'Tiny' is not one of Major, Minor, Broad, Detailed",
    ]


def test_a_file_that_is_not_a_workbook_is_reported(tmp_path):
    path = tmp_path / soc_2018.FILE
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ImportValidationError, match="cannot be read as a workbook"):
        list(soc_2018.parse(path))


@pytest.mark.django_db
def test_load_replaces_rows_and_is_idempotent(tmp_path):
    files = {soc_2018.FILE: soc_file(tmp_path, GOOD_ROWS)}
    assert soc_2018.load(files) == {"SOC codes": 4}
    assert soc_2018.load(files) == {"SOC codes": 4}
    assert SocCode.objects.count() == 4
