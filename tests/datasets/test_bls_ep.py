"""BLS Employment Projections 2024-34 (Table 1.2): national outlook per occupation."""

from decimal import Decimal
from pathlib import Path

import pytest

from pathways.datasets import bls_ep
from pathways.datasets.errors import ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.occupations.models import NationalProjection
from tests.fixtures.workbooks import write_workbook

HEADER = [
    bls_ep.TITLE, bls_ep.SOC, bls_ep.TYPE, bls_ep.EMPLOYMENT_2024, bls_ep.EMPLOYMENT_2034,
    "Employment distribution, percent, 2024", "Employment distribution, percent, 2034",
    bls_ep.CHANGE, bls_ep.CHANGE_PERCENT, "Percent self employed, 2024", bls_ep.OPENINGS,
    bls_ep.MEDIAN_WAGE, bls_ep.EDUCATION, bls_ep.EXPERIENCE, bls_ep.TRAINING,
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]  # fmt: skip
TITLE = ["Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024"]
ROWS = [
    ["Total, all occupations", "00-0000", "Summary", 169956.1, 175167.9, 100.0, 100.0,
     5211.8, 3.1, 5.8, 18863.3, 49500.0, "—", "—", "—", "—"],
    ["      Registered nurses", "29-1141", "Line item", 3391.0, 3557.1, 2.0, 2.0,
     166.1, 4.9, 0.5, 189.1, 93600.0, "Bachelor's degree", "None", "None", "OOH Content"],
    ["        Musicians and singers", "27-2042", "Line item", 169.8, 171.6, 0.1, 0.1,
     1.8, 1.1, 46.8, 19.4, "—", "No formal educational credential", "None",
     "Long-term on-the-job training", "OOH Content"],
    ["        Surgeons, all other", "29-1248", "Line item", 23.1, 23.5, 0.0, 0.0,
     0.4, 1.6, 8.0, 0.8, ">=$239,200", "Doctoral or professional degree", "None",
     "Internship/residency", "OOH Content"],
]  # fmt: skip
NOTES = [
    ["Footnotes:"],
    ["[1] Data are from the Occupational Employment and Wage Statistics program, ..."],
    ['Note: Data is unavailable for values denoted with a "—".'],
    ["Source: Employment Projections program, U.S. Bureau of Labor Statistics"],
]


def ep_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    return write_workbook(
        tmp_path / bls_ep.FILE, {"Table 1.1": [], "Table 1.2": [TITLE, HEADER, *rows, *NOTES]}
    )


def test_parse_keeps_published_figures_and_skips_the_notes(tmp_path):
    projections = {p.soc_code: p for p in bls_ep.parse(ep_file(tmp_path, ROWS))}
    assert list(projections) == ["00-0000", "29-1141", "27-2042", "29-1248"]
    rn = projections["29-1141"]
    assert rn.title == "Registered nurses"
    assert not rn.is_summary
    assert (rn.employment_2024, rn.employment_2034) == (Decimal("3391.0"), Decimal("3557.1"))
    assert (rn.change_numeric, rn.change_percent) == (Decimal("166.1"), Decimal("4.9"))
    assert rn.annual_openings == Decimal("189.1")
    assert rn.median_wage_2024 == 93600
    assert (rn.typical_education, rn.work_experience, rn.job_training) == (
        "Bachelor's degree", "None", "None",
    )  # fmt: skip


def test_dashes_mean_not_available(tmp_path):
    projections = {p.soc_code: p for p in bls_ep.parse(ep_file(tmp_path, ROWS))}
    total = projections["00-0000"]
    assert total.is_summary
    assert (total.typical_education, total.work_experience, total.job_training) == ("", "", "")
    assert projections["27-2042"].median_wage_2024 is None
    # Above the OEWS cap BLS prints a bound, not a median: no exact figure is stored.
    assert projections["29-1248"].median_wage_2024 is None


def test_every_bad_row_is_reported_with_row_and_column(tmp_path):
    bad = [
        *ROWS,
        ["Nurse anesthetists", "29-115", "Line item", 57.4, 60.0, 0, 0, 2.6, 4.5, 0, "lots",
         214200.0, "Master's degree", "None", "None", "—"],
        ["Registered nurses", "29-1141", "Detail", 1.0, 1.0, 0, 0, 0, 0, 0, 1.0, 1.0,
         "", "", "", ""],
    ]  # fmt: skip
    with pytest.raises(ImportValidationError) as raised:
        list(bls_ep.parse(ep_file(tmp_path, bad)))
    assert [str(p) for p in raised.value.problems] == [
        "occupation.xlsx, row 7, column '2024 National Employment Matrix code': "
        "'29-115' is not a code like 29-1141",
        "occupation.xlsx, row 7, column 'Occupational openings, 2024–34 annual average': "
        "'lots' is not a number",
        "occupation.xlsx, row 8, column 'Occupation type': "
        "'Detail' is not one of Summary, Line item",
        "occupation.xlsx, row 8, column '2024 National Employment Matrix code': "
        "'29-1141' appears twice",
    ]


def test_a_missing_table_is_reported(tmp_path):
    path = write_workbook(tmp_path / bls_ep.FILE, {"Table 1.1": [TITLE, HEADER]})
    with pytest.raises(ImportValidationError, match=r"has no sheet named 'Table 1\.2'"):
        list(bls_ep.parse(path))


@pytest.mark.django_db
def test_load_is_idempotent(tmp_path):
    files = {bls_ep.FILE: ep_file(tmp_path, ROWS)}
    assert bls_ep.load(files) == {"national projections": 4}
    assert bls_ep.load(files) == {"national projections": 4}
    assert NationalProjection.objects.count() == 4


@pytest.mark.mirror
@pytest.mark.django_db
def test_real_projections(mirror):
    report = load_source(get_source("bls_ep"), mirror)
    assert report.row_counts == {"national projections": 1113}
    assert NationalProjection.objects.filter(is_summary=True).count() == 281

    rn = NationalProjection.objects.get(soc_code="29-1141")
    assert rn.employment_2024 == Decimal("3391.0")
    assert rn.annual_openings == Decimal("189.1")
    assert rn.change_percent == Decimal("4.9")
    assert rn.median_wage_2024 == 93600
    assert rn.typical_education == "Bachelor's degree"

    lpn = NationalProjection.objects.get(soc_code="29-2061")
    assert (lpn.annual_openings, lpn.median_wage_2024) == (Decimal("54.4"), 62340)
    assert lpn.typical_education == "Postsecondary nondegree award"

    software = NationalProjection.objects.get(soc_code="15-1252")
    assert (software.change_percent, software.annual_openings) == (
        Decimal("15.8"),
        Decimal("115.2"),
    )

    total = NationalProjection.objects.get(soc_code="00-0000")
    assert total.is_summary and total.employment_2024 == Decimal("169956.1")
    assert total.typical_education == ""
    # 19 medians are published only as ">=$239,200" and 9 as "—".
    assert NationalProjection.objects.filter(median_wage_2024__isnull=True).count() == 28
