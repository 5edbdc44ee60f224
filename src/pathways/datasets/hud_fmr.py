"""HUD Fair Market Rents FY2026, one row per county -> FairMarketRent for the profile counties."""

from collections.abc import Iterator
from pathlib import Path

from pathways.geography.models import County, FairMarketRent, State

from .errors import DataError, ErrorLog
from .loading import replace_rows
from .readers import Row, read_sheet

FILE = "FY26_FMRs.xlsx"
SHEET = "FY26_FMRs"
FISCAL_YEAR = 2026
BEDROOMS = range(5)
RENT_COLUMNS = [f"fmr_{n}" for n in BEDROOMS]


def county_fips(row: Row) -> str | None:
    """HUD's `fips` is the 5-digit county code + "99999" (New England towns aside). A reader
    may hand it over as a number, which drops the leading zero of states 01-09."""
    raw = row.raw("fips")
    value = raw.zfill(10) if raw.isdigit() else raw
    if not (len(value) == 10 and value.isdigit() and value.endswith("99999")):
        row.problem("fips", f"'{raw}' is not a county code like 3500199999")
        return None
    return value[:5]


def rents(row: Row) -> list[int] | None:
    values = []
    for column in RENT_COLUMNS:
        value = row.integer(column, required=True)
        if value is not None and value <= 0:
            row.problem(column, f"'{value}' is not a positive rent")
            value = None
        values.append(value)
    if None in values:
        return None
    return [v for v in values if v is not None]


def parse(path: Path, postals: set[str], counties: dict[str, str]) -> Iterator[FairMarketRent]:
    """Rows of the states in `postals`; every county in `counties` (fips -> name) must appear."""
    log = ErrorLog.for_path(path)
    seen: set[str] = set()
    for row in read_sheet(path, log, SHEET, ["stusps", "hud_area_name", "fips", *RENT_COLUMNS]):
        if row.raw("stusps") not in postals:
            continue
        fips = county_fips(row)
        area = row.text("hud_area_name")
        monthly = rents(row)
        if fips is None:
            continue
        if fips not in counties:
            row.problem("fips", f"county {fips} is not in the state profile")
            continue
        if fips in seen:
            row.problem("fips", f"county {fips} appears twice")
            continue
        seen.add(fips)
        if not area or monthly is None:
            continue
        for bedrooms, rent in zip(BEDROOMS, monthly, strict=True):
            yield FairMarketRent(
                county_id=fips,
                fiscal_year=FISCAL_YEAR,
                bedrooms=bedrooms,
                monthly_rent=rent,
                hud_area_name=area,
            )
    for fips in sorted(counties.keys() - seen):
        log.add(0, "fips", f"has no row for {counties[fips]} ({fips}), a state profile county")
    log.raise_if_any()


def load(files: dict[str, Path]) -> dict[str, int]:
    postals = set(State.objects.values_list("postal", flat=True))
    if not postals:
        raise DataError("no state is loaded: load the `state_profile` source before `hud_fmr`")
    counties = dict(County.objects.values_list("fips", "name"))
    rows = list(parse(files[FILE], postals, counties))
    return {"fair market rents": replace_rows(FairMarketRent, rows)}
