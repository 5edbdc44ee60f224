import time
from pathlib import Path

import pytest
from django.conf import settings

from pathways.datasets import hud_fmr, state_profile
from pathways.datasets.errors import DataError, ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.geography.models import County, FairMarketRent
from tests.fixtures.workbooks import write_workbook

HEADER: list[object] = [
    "stusps", "state", "hud_area_code", "countyname", "county_town_name", "metro",
    "hud_area_name", "fips", "pop2023", "fmr_0", "fmr_1", "fmr_2", "fmr_3", "fmr_4",
]  # fmt: skip
ALABAMA = {"01001": "Autauga County"}


def rent_row(
    postal: str, fips: object, name: str, rents: list[object], area: str = "Test Area"
) -> list[object]:
    state = str(fips).zfill(10)[:2]
    return [postal, state, "METRO00000M00000", name, "", 1, area, fips, 1000, *rents]


def fmr_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    sheets: dict[str, list[list[object]]] = {
        "FY26_FMRs": [HEADER, *rows],
        "Field_Descriptions": [["Field", "Description"]],
    }
    return write_workbook(tmp_path / hud_fmr.FILE, sheets)


def load_profile() -> None:
    state_profile.load({"nm.toml": Path(settings.PATHWAYS_STATE_PROFILE)})


def profile_rows() -> list[list[object]]:
    return [
        rent_row("NM", f"{c.fips}99999", c.name, [700, 800, 1000, 1300, 1500])
        for c in County.objects.all()
    ]


def test_fips_read_as_a_number_keeps_the_leading_zero_of_the_state(tmp_path):
    rows = [
        rent_row("AL", 100199999, "Autauga County", [860, 870, 1016, 1304, 1537], "Montgomery"),
        rent_row("AK", "0201399999", "Aleutians East Borough", ["x", "", "", "", ""]),
    ]
    rents = list(hud_fmr.parse(fmr_file(tmp_path, rows), {"AL"}, ALABAMA))
    assert {r.county_id for r in rents} == {"01001"}
    assert [(r.bedrooms, r.monthly_rent) for r in rents] == [
        (0, 860), (1, 870), (2, 1016), (3, 1304), (4, 1537),
    ]  # fmt: skip
    assert {r.fiscal_year for r in rents} == {2026}
    assert rents[0].hud_area_name == "Montgomery"


def test_malformed_rows_are_reported_with_row_and_column(tmp_path):
    counties = {"01001": "Autauga County", "01003": "Baldwin County"}
    rows = [
        rent_row("AL", "0100199999", "Autauga County", [860, 870, "n.a.", 1304, 0]),
        rent_row("AL", "01001", "Autauga County", [860, 870, 1016, 1304, 1537]),
        rent_row("AL", "0100599999", "Barbour County", [860, 870, 1016, 1304, 1537]),
        rent_row("AL", "0100199999", "Autauga County", [860, 870, 1016.5, 1304, 1537]),
    ]
    with pytest.raises(ImportValidationError) as raised:
        list(hud_fmr.parse(fmr_file(tmp_path, rows), {"AL"}, counties))
    missing = "has no row for Baldwin County (01003), a state profile county"
    assert [str(p) for p in raised.value.problems] == [
        "FY26_FMRs.xlsx, row 2, column 'fmr_2': 'n.a.' is not a number",
        "FY26_FMRs.xlsx, row 2, column 'fmr_4': '0' is not a positive rent",
        "FY26_FMRs.xlsx, row 3, column 'fips': '01001' is not a county code like 3500199999",
        "FY26_FMRs.xlsx, row 4, column 'fips': county 01005 is not in the state profile",
        "FY26_FMRs.xlsx, row 5, column 'fmr_2': '1016.5' is not a whole number",
        "FY26_FMRs.xlsx, row 5, column 'fips': county 01001 appears twice",
        f"FY26_FMRs.xlsx, column 'fips': {missing}",
    ]


@pytest.mark.django_db
def test_load_needs_the_state_profile_first(tmp_path):
    path = fmr_file(tmp_path, [])
    with pytest.raises(DataError, match="load the `state_profile` source"):
        hud_fmr.load({hud_fmr.FILE: path})


@pytest.mark.django_db
def test_a_profile_county_missing_from_the_file_is_a_problem(tmp_path):
    load_profile()
    rows = [r for r in profile_rows() if r[7] != "3502899999"]
    with pytest.raises(ImportValidationError, match=r"has no row for Los Alamos \(35028\)"):
        hud_fmr.load({hud_fmr.FILE: fmr_file(tmp_path, rows)})


@pytest.mark.django_db
def test_load_gives_every_profile_county_five_rents_and_is_idempotent(tmp_path):
    load_profile()
    files = {hud_fmr.FILE: fmr_file(tmp_path, profile_rows())}
    counties = County.objects.count()
    assert hud_fmr.load(files) == {"fair market rents": 5 * counties}
    assert hud_fmr.load(files) == {"fair market rents": 5 * counties}
    assert FairMarketRent.objects.count() == 5 * counties


@pytest.mark.django_db
def test_real_file_loads(mirror):
    load_source(get_source("state_profile"))
    started = time.perf_counter()
    report = load_source(get_source("hud_fmr"), mirror)
    print(f"hud_fmr loaded in {time.perf_counter() - started:.2f}s: {report.row_counts}")

    assert report.row_counts == {"fair market rents": 33 * 5}
    two_bedroom = FairMarketRent.objects.filter(fiscal_year=2026, bedrooms=2)
    assert two_bedroom.get(county_id="35001").monthly_rent == 1464  # Bernalillo: Albuquerque
    assert two_bedroom.get(county_id="35049").monthly_rent == 1685  # Santa Fe
    assert two_bedroom.get(county_id="35028").monthly_rent == 1740  # Los Alamos
    assert two_bedroom.get(county_id="35001").hud_area_name == "Albuquerque, NM MSA"
