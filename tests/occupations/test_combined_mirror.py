"""Over the real data: BLS combined codes are browsable and their figures reach members."""

import pytest

from pathways.occupations.combined import combined_codes
from pathways.occupations.models import NationalProjection, WageEstimate
from tests.html import visible_text as text

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
STATE = "3500000"


def test_the_release_has_twelve_combined_codes_with_their_members(real_data):
    codes = combined_codes()
    assert len(codes) == 12
    assert codes["25-9045"].members == ("25-9042", "25-9043", "25-9049")
    assert codes["21-1018"].members == ("21-1011", "21-1014")
    assert codes["31-1120"].members == ("31-1121", "31-1122")
    assert codes["53-1047"].members == ("53-1042", "53-1043", "53-1044", "53-1049")
    assert all(c.in_oews and c.in_projections for c in codes.values())


def test_every_combined_code_has_a_page_with_blss_title(client, real_data):
    for code, combined in combined_codes().items():
        page = text(client.get(f"/occupations/{code}/").content.decode())
        assert combined.title in page.replace("&#x27;", "'"), code
        assert "What this occupation covers" in page


def test_no_member_page_says_a_published_figure_is_missing(client, real_data):
    """A member's page never says 'unpublished' when BLS publishes the group's figure."""
    for code, combined in combined_codes().items():
        state_wage = WageEstimate.objects.filter(area_id=STATE, soc_code=code).exists()
        projected = NationalProjection.objects.filter(soc_code=code).exists()
        for member in combined.members:
            page = text(client.get(f"/occupations/{member}/").content.decode())
            if state_wage:
                assert "No statewide estimate published" not in page, member
                assert f"combined figure, {code}" in page, member
            if projected:
                assert "BLS publishes no projection" not in page, member


def test_cluster_tables_title_combined_codes(client, real_data):
    page = client.get("/clusters/education/").content.decode()
    assert ">25-9045</a>" not in page
    assert "Teaching Assistants, Except Postsecondary" in page


def test_no_ranked_row_is_titled_with_its_bare_code(real_data):
    """Rankings, labor markets and the budget's matches all read these rows."""
    from pathways.occupations.tables import detailed_socs_with_wages, occupation_rows

    for area in ("3500000", "0029740", "3500007"):
        rows = occupation_rows(detailed_socs_with_wages(area), area)
        assert [r.soc for r in rows if r.title == r.soc] == [], area
        assert "25-9045" in {r.soc for r in rows}
