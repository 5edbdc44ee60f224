"""The Eastern region's overview over the real data: BLS's own figures for the Eastern New
Mexico nonmetropolitan area against the state (OEWS May 2025), and a full set of clusters."""

import pytest

from tests.geography.pages import get_page, table_starting, tables_of

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_eastern_overview_compares_the_areas_median_wage_with_the_state(client, real_data):
    page = get_page(client, "/regions/eastern/overview/")
    parsed = tables_of(page)
    caption, wages = table_starting(parsed, "Median wage, ")
    assert caption == "Median wage, Eastern New Mexico nonmetropolitan area against New Mexico"
    # BLS OEWS May 2025, all occupations: $45,200 in the area, $47,210 statewide.
    assert wages[1] == ["All occupations", "$45,200", "$47,210", "−$2,010", "0.96"]
    _, largest = table_starting(parsed, "The 10 occupations with the most jobs")
    assert len(largest) == 11
    assert largest[1][2] == "6,770"  # 31-1120 Home Health and Personal Care Aides
    assert "No earlier vintage is loaded" in page
    _, history = table_starting(parsed, "Data vintages behind this overview")
    assert history[1][:2] == ["Occupational Employment and Wage Statistics, May 2025", "May 2025"]
    assert "not loaded" not in history[1][2]


def test_eastern_overview_adds_openings_over_the_fourteen_clusters(client, real_data):
    parsed = tables_of(get_page(client, "/regions/eastern/overview/"))
    _, clusters = table_starting(parsed, "Estimated annual openings by 2024 career cluster")
    assert len(clusters) == 1 + 14
    openings = [int(row[2].replace(",", "")) for row in clusters[1:]]
    assert openings == sorted(openings, reverse=True)
