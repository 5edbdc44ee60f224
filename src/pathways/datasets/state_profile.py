"""The state profile (TOML written by this project) -> State, OEWS areas, regions, counties,
districts. Keys are public codes and rows are upserted, so user data that points at a
district or county survives a reload."""

import re
import tomllib
from pathlib import Path
from typing import Any

from pathways.geography.models import County, District, OewsArea, State, WorkforceRegion

from .errors import ErrorLog
from .loading import sync_rows


def read_profile(path: Path) -> dict[str, Any]:
    log = ErrorLog.for_path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.add(0, "", f"is not a readable TOML profile: {exc}")
        log.raise_if_any()
    for table in ("state", "oews_areas", "regions", "counties", "districts"):
        if table not in data:
            log.add(0, table, "table is missing")
    log.raise_if_any()
    return data


def validate(data: dict[str, Any], log: ErrorLog) -> None:
    """Cross-checks a typo in the profile would break: every reference resolves."""
    state_fips = data["state"].get("fips", "")
    areas = {a["code"] for a in data["oews_areas"]}
    regions = {r["slug"] for r in data["regions"]}
    for i, region in enumerate(data["regions"], start=1):
        for code in [*region["oews_areas"], region["primary_oews_area"]]:
            if code not in areas:
                log.add(i, f"regions.{region['slug']}", f"OEWS area '{code}' is not listed")
    counties = set()
    for i, county in enumerate(data["counties"], start=1):
        fips = county["fips"]
        if not re.fullmatch(rf"{state_fips}\d{{3}}", fips):
            log.add(i, "counties.fips", f"'{fips}' is not a county FIPS code in state {state_fips}")
        if county["region"] not in regions:
            log.add(i, f"counties.{fips}", f"region '{county['region']}' is not listed")
        if county["oews_area"] and county["oews_area"] not in areas:
            log.add(i, f"counties.{fips}", f"OEWS area '{county['oews_area']}' is not listed")
        if fips in counties:
            log.add(i, f"counties.{fips}", "county appears twice")
        counties.add(fips)
    for i, district in enumerate(data["districts"], start=1):
        if district["county"] not in counties:
            log.add(
                i,
                f"districts.{district['nces_id']}",
                f"county '{district['county']}' is not listed",
            )
    for slug in regions - {c["region"] for c in data["counties"]}:
        log.add(0, f"regions.{slug}", "region has no counties")


def load(files: dict[str, Path]) -> dict[str, int]:
    (path,) = files.values()
    data = read_profile(path)
    log = ErrorLog.for_path(path)
    try:
        validate(data, log)
    except KeyError as exc:
        log.add(0, str(exc).strip("'"), "a required key is missing")
    log.raise_if_any()
    return write_profile(data)


def write_profile(data: dict[str, Any]) -> dict[str, int]:
    st = data["state"]
    state = State(fips=st["fips"], postal=st["postal"], name=st["name"], name_es=st["name_es"])
    sync_rows(State, [state], ["postal", "name", "name_es"])
    areas = [
        OewsArea(code=a["code"], name=a["name"], area_type=a["type"]) for a in data["oews_areas"]
    ]
    regions = [
        WorkforceRegion(
            slug=r["slug"],
            name=r["name"],
            name_es=r["name_es"],
            state_id=state.fips,
            primary_oews_area_id=r["primary_oews_area"],
            verified=r["verified"],
        )
        for r in data["regions"]
    ]
    counties = [
        County(
            fips=c["fips"],
            name=c["name"],
            state_id=state.fips,
            region_id=c["region"],
            oews_area_id=c["oews_area"] or None,
            oews_area_verified=c["oews_area_verified"],
            oews_area_source=c.get("oews_area_source", ""),
        )
        for c in data["counties"]
    ]
    districts = [
        District(
            nces_id=d["nces_id"], name=d["name"], county_id=d["county"], verified=d["verified"]
        )
        for d in data["districts"]
    ]
    # Children first when deleting what the profile no longer lists, parents first when adding.
    District.objects.exclude(pk__in=[d.pk for d in districts]).delete()
    County.objects.exclude(pk__in=[c.pk for c in counties]).delete()
    WorkforceRegion.objects.exclude(pk__in=[r.pk for r in regions]).delete()
    sync_rows(OewsArea, areas, ["name", "area_type"])
    sync_rows(
        WorkforceRegion, regions, ["name", "name_es", "state", "primary_oews_area", "verified"]
    )
    through = WorkforceRegion.oews_areas.through
    through.objects.all().delete()
    through.objects.bulk_create(
        through(workforceregion_id=r["slug"], oewsarea_id=code)
        for r in data["regions"]
        for code in r["oews_areas"]
    )
    sync_rows(
        County,
        counties,
        ["name", "state", "region", "oews_area", "oews_area_verified", "oews_area_source"],
    )
    sync_rows(District, districts, ["name", "county", "verified"])
    return {
        "counties": len(counties),
        "workforce regions": len(regions),
        "school districts": len(districts),
        "OEWS areas": len(areas),
    }
