"""BLS combined occupation codes on small tables: derived members, pages, API, wording."""

from decimal import Decimal

import pytest

from pathways.occupations.combined import combined_codes, derive
from pathways.occupations.models import NationalProjection, OnetOccupation, SocCode, WageEstimate
from pathways.occupations.profile import occupation_profile
from pathways.occupations.tables import occupation_rows
from pathways.occupations.wages import candidate_codes, wages_for
from tests.factories import load_state_profile
from tests.html import visible_text as text

STATE, NATION = "3500000", "0000000"
TEACHING_ASSISTANTS = {
    "25-9042": "Teaching Assistants, Preschool, Elementary, Middle, and Secondary School, "
    "Except Special Education",
    "25-9043": "Teaching Assistants, Special Education",
    "25-9044": "Teaching Assistants, Postsecondary",
    "25-9049": "Teaching Assistants, All Other",
}


def test_members_are_the_broad_groups_codes_the_source_does_not_publish():
    found = derive(
        detailed=[*TEACHING_ASSISTANTS, "13-1021", "13-1022", "29-1141"],
        oews={
            "25-9045": "Teaching Assistants, Except Postsecondary",
            "25-9044": "x",
            "13-1020": "B",
        },
        projections={"25-9045": "Teaching assistants, except postsecondary", "29-1141": "RN"},
    )
    assert set(found) == {"25-9045", "13-1020"}
    assert found["25-9045"].members == ("25-9042", "25-9043", "25-9049")
    assert found["25-9045"].title == "Teaching Assistants, Except Postsecondary"  # OEWS's title
    assert (found["25-9045"].in_oews, found["25-9045"].in_projections) == (True, True)
    assert found["13-1020"].members == ("13-1021", "13-1022")
    assert not found["13-1020"].in_projections


def test_a_code_with_no_unpublished_sibling_is_not_combined():
    assert derive(["29-1141"], {"29-1141": "RN", "29-1140": "Registered Nurses"}, {}) == {}


@pytest.fixture
def teaching_assistants(db):  # type: ignore[no-untyped-def]
    """The 25-904x group as the official files have it: OEWS and EP publish 25-9045."""
    load_state_profile()
    for table in (SocCode, OnetOccupation, WageEstimate, NationalProjection):
        table.objects.all().delete()  # the session's real data, if loaded, rolls back after
    SocCode.objects.create(code="25-9040", level="broad", title="Teaching Assistants")
    for code, title in TEACHING_ASSISTANTS.items():
        SocCode.objects.create(code=code, level="detailed", title=title, parent_code="25-9040")
        OnetOccupation.objects.create(
            code=f"{code}.00", soc_code=code, title=title, description="."
        )
    for area, employment, median in [(STATE, 8970, 35900), (NATION, 1305000, 36780)]:
        WageEstimate.objects.create(
            area_id=area,
            soc_code="25-9045",
            oews_title="Teaching Assistants, Except Postsecondary",
            is_detailed=True,
            employment=employment,
            median_annual=median,
            median_hourly=None,
            annual_only=True,
        )
    WageEstimate.objects.create(
        area_id=NATION,
        soc_code="25-9044",
        oews_title=TEACHING_ASSISTANTS["25-9044"],
        is_detailed=True,
        employment=140000,
        median_annual=40000,
    )
    NationalProjection.objects.create(
        soc_code="25-9045",
        title="Teaching assistants, except postsecondary",
        is_summary=False,
        employment_2024=Decimal("1422.8"),
        change_percent=Decimal("-1.5"),
        annual_openings=Decimal("170.4"),
        typical_education="Some college, no degree",
    )


def test_combined_codes_come_from_the_loaded_data(teaching_assistants):
    code = combined_codes()["25-9045"]
    assert code.members == ("25-9042", "25-9043", "25-9049")  # 25-9044 is published alone
    assert candidate_codes("25-9042") == ["25-9042", "25-9045"]
    assert candidate_codes("25-9044") == ["25-9044"]


def test_a_member_gets_the_combined_wage_marked_as_combined(teaching_assistants):
    wage = wages_for(["25-9043"], STATE)["25-9043"]
    assert (wage.estimate.soc_code, wage.estimate.median_annual) == ("25-9045", 35900)
    assert wage.merged_occupation and not wage.area_fallback


def test_table_rows_carry_bls_titles_for_combined_codes(teaching_assistants):
    (row,) = occupation_rows(["25-9045"])
    assert row.title == "Teaching Assistants, Except Postsecondary"  # never the bare code


def test_the_combined_code_is_a_browsable_occupation(teaching_assistants, client):
    profile = occupation_profile("25-9045")
    assert profile is not None and profile.combined is not None
    assert [m.soc for m in profile.members] == ["25-9042", "25-9043", "25-9049"]
    assert [o.code for o in profile.member_onet] == ["25-9042.00", "25-9043.00", "25-9049.00"]
    page = text(client.get("/occupations/25-9045/").content.decode())
    assert "Teaching Assistants, Except Postsecondary" in page
    assert "BLS code 25-9045" in page
    assert "Median wage in New Mexico $35,900 a year" in page
    assert "Teaching Assistants, Special Education (25-9043)" in page


def test_the_api_answers_for_the_combined_code(teaching_assistants, client):
    answer = client.get("/api/v1/occupations/25-9045")
    assert answer.status_code == 200
    body = answer.json()
    assert body["title"] == "Teaching Assistants, Except Postsecondary"
    assert [m["soc"] for m in body["combined"]["members"]] == ["25-9042", "25-9043", "25-9049"]
    state = next(w for w in body["wages"] if w["area_code"] == STATE)
    assert (state["median_annual"], state["employment"]) == (35900, 8970)
    assert body["projections"]["national"]["change_percent"] == -1.5


def test_a_member_page_labels_the_combined_figures(teaching_assistants, client):
    page = text(client.get("/occupations/25-9042/").content.decode())
    assert "No statewide estimate published" not in page
    assert "BLS publishes no projection" not in page
    assert "$35,900 a year combined figure, 25-9045" in page
    assert (
        "BLS publishes this occupation together with “Teaching Assistants, Special Education” "
        "(25-9043) and “Teaching Assistants, All Other” (25-9049) as 25-9045." in page
    )
    assert "BLS projects this occupation together with others as 25-9045" in page
    assert "Some college, no degree" in page  # BLS typical education, from the group


def test_an_unknown_code_is_still_not_found(teaching_assistants, client):
    assert client.get("/api/v1/occupations/25-9048").status_code == 404
    assert client.get("/occupations/25-9048/").status_code == 404


def test_a_member_row_takes_the_groups_growth_and_says_so(teaching_assistants):
    (row,) = occupation_rows(["25-9043"])
    assert (row.growth_percent, row.typical_education) == (
        Decimal("-1.5"),
        "Some college, no degree",
    )
    assert row.projection_combined_code == "25-9045"
    assert row.annual_openings is None  # a group's openings are a count: never given to a member
    (own,) = occupation_rows(["25-9045"])
    assert own.projection_combined_code == ""
