import shutil
import time
from pathlib import Path

import pytest

from pathways.datasets import nces_cip
from pathways.datasets.errors import ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.occupations.models import CipCode, CipSocLink
from tests.fixtures.workbooks import write_workbook

HEADER: list[object] = ["CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"]
LINKS: list[list[object]] = [
    ["01.0000", "Agriculture, General.", "11-9013", "Farmers, Ranchers"],
    ["01.1004", "Viticulture and Enology.", "19-1012", "Food Scientists and Technologists"],
    ["14.3501", "Industrial Engineering.", "17-2112", "Industrial Engineers"],
    ["14.3501", "Industrial Engineering.", "99-9999", "NO MATCH"],
    ["99.9999", "NO MATCH", "45-2041", "Graders and Sorters, Agricultural Products"],
    ["14.3501", "Industrial Engineering.", "17-2112", "Industrial Engineers"],
]
ACTIVE = {"01", "01.00", "01.0000", "01.1004", "14", "14.35", "14.3501"}


def codes_file(fixtures: Path) -> Path:
    return fixtures / "nces_cip" / nces_cip.CODES_FILE


def crosswalk_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    sheets: dict[str, list[list[object]]] = {
        "File Guide": [["Sheet", "Contents"]],
        "CIP-SOC": [HEADER, *rows],
    }
    return write_workbook(tmp_path / nces_cip.CROSSWALK_FILE, sheets)


def codes_with_lines(fixtures: Path, tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / nces_cip.CODES_FILE
    shutil.copy(codes_file(fixtures), path)
    with open(path, "a", newline="") as handle:
        handle.write("".join(line + "\r\n" for line in lines))
    return path


def test_codes_lose_their_formula_quoting_and_keep_their_zeros(fixtures):
    codes = {c.code: c for c in nces_cip.parse_codes(codes_file(fixtures))}
    assert codes["01.0000"].family == "01"
    assert codes["01.0000"].title == "Agriculture, General"
    assert codes["01"].level == 2 and codes["01.00"].level == 4 and codes["01.0000"].level == 6
    assert codes["14.3501"].definition.startswith("A program about designing")


def test_old_homes_of_moved_codes_and_deleted_codes_are_skipped(fixtures):
    codes = {c.code for c in nces_cip.parse_codes(codes_file(fixtures))}
    # 01.0309 "Moved from" points at its new home 01.1004 ("Moved to"), which stays.
    assert codes == ACTIVE


def test_malformed_code_rows_are_reported_with_row_and_column(fixtures, tmp_path):
    path = codes_with_lines(
        fixtures,
        tmp_path,
        '="14",="14.351","New",no,"Bad Code.","Too few digits.","",',
        '="14",="14.3502","New",no,"Truncated."',
        '="15",="14.3503","New",no,"Wrong Family.","Family is not 14.","",',
        '="14",="14.3504","New",no,"","No title.","",',
        '="14",="14.3505","Moved",no,"Unknown Action.","Neither from nor to.","",',
    )
    with pytest.raises(ImportValidationError) as raised:
        list(nces_cip.parse_codes(path))
    assert [str(p) for p in raised.value.problems] == [
        "CIPCode2020.csv, row 11, column 'CIPCode': '14.351' is not a code like 14.3501",
        "CIPCode2020.csv, row 12: has 5 fields, the header has 8 (truncated or malformed line)",
        "CIPCode2020.csv, row 13, column 'CIPFamily': '15' is not the family of 14.3503",
        "CIPCode2020.csv, row 14, column 'CIPTitle': is empty",
        "CIPCode2020.csv, row 15, column 'Action': 'Moved' is not one of "
        "No substantive changes, New, Moved from, Moved to, Deleted",
    ]


def test_crosswalk_skips_no_match_rows_and_duplicates(tmp_path):
    links = nces_cip.parse_crosswalk(crosswalk_file(tmp_path, LINKS), ACTIVE)
    assert sorted((link.cip_code, link.soc_code) for link in links) == [
        ("01.0000", "11-9013"),
        ("01.1004", "19-1012"),
        ("14.3501", "17-2112"),
    ]


def test_crosswalk_codes_stored_as_numbers_get_their_zeros_back(tmp_path):
    rows: list[list[object]] = [
        [1.0, "Agriculture, General.", "11-9013", "Farmers, Ranchers"],
        [1.1004, "Viticulture and Enology.", "19-1012", "Food Scientists and Technologists"],
        [14.3501, "Industrial Engineering.", "17-2112", "Industrial Engineers"],
    ]
    links = nces_cip.parse_crosswalk(crosswalk_file(tmp_path, rows), ACTIVE)
    assert [link.cip_code for link in links] == ["01.0000", "01.1004", "14.3501"]


def test_malformed_crosswalk_rows_are_reported_with_row_and_column(tmp_path):
    rows: list[list[object]] = [
        *LINKS,
        ["14.35", "Industrial Engineering.", "17-2112", "Industrial Engineers"],
        ["14.3501", "Industrial Engineering.", "17-211", "Industrial Engineers"],
        ["51.2401", "Veterinary Medicine.", "29-1131", "Veterinarians"],
    ]
    with pytest.raises(ImportValidationError) as raised:
        list(nces_cip.parse_crosswalk(crosswalk_file(tmp_path, rows), ACTIVE))
    file = nces_cip.CROSSWALK_FILE
    assert [str(p) for p in raised.value.problems] == [
        f"{file}, row 8, column 'CIP2020Code': '14.35' is not a code like 14.3501",
        f"{file}, row 9, column 'SOC2018Code': '17-211' is not a code like 29-1141",
        f"{file}, row 10, column 'CIP2020Code': '51.2401' is not an active code in CIPCode2020.csv",
    ]


@pytest.mark.django_db
def test_load_replaces_rows_and_is_idempotent(fixtures, tmp_path):
    files = {
        nces_cip.CODES_FILE: codes_file(fixtures),
        nces_cip.CROSSWALK_FILE: crosswalk_file(tmp_path, LINKS),
    }
    expected = {"CIP codes": 7, "CIP-SOC links": 3}
    assert nces_cip.load(files) == expected
    assert nces_cip.load(files) == expected
    assert CipCode.objects.count() == 7
    assert CipSocLink.objects.count() == 3


@pytest.mark.django_db
def test_real_files_load(mirror):
    started = time.perf_counter()
    report = load_source(get_source("nces_cip"), mirror)
    print(f"nces_cip loaded in {time.perf_counter() - started:.2f}s: {report.row_counts}")

    # 50 series, 464 groups, 2,173 programs; 5,723 links = 6,097 rows less 374 NO MATCH.
    assert report.row_counts == {"CIP codes": 2687, "CIP-SOC links": 5723}
    assert CipCode.objects.filter(code__regex=r"^\d\d$").count() == 50
    assert CipCode.objects.get(code="01.0000").title == "Agriculture, General"
    assert CipCode.objects.get(code="01.0101").title == (
        "Agricultural Business and Management, General"
    )
    assert CipCode.objects.get(code="01.8001").title == "Veterinary Medicine"
    assert not CipCode.objects.filter(code="51.2401").exists()  # moved to 01.8001
    assert CipSocLink.objects.filter(cip_code="51.3801", soc_code="29-1141").exists()
    assert not CipSocLink.objects.filter(soc_code="99-9999").exists()
