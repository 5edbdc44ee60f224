"""The guide's figures are the API's: same wage path, statewide and for a region."""

import re

import pytest

from .conftest import CLUSTER, OCCUPATIONS

pytestmark = pytest.mark.django_db


def guide_rows(page: str) -> dict[str, tuple[int | None, int | None]]:
    """{soc: (median annual wage, annual openings)} from the chapter's sample tables."""
    found = {}
    for soc, wage, openings in re.findall(
        r'data-soc="([\d-]+)".*?<td class="wage">(.*?)</td>\s*<td class="openings">(.*?)</td>',
        page,
        re.S,
    ):
        numbers = [re.sub(r"[^\d]", "", re.split(r"<small", cell)[0]) for cell in (wage, openings)]
        found[soc] = tuple(int(n) if n else None for n in numbers)
    return found


@pytest.mark.parametrize("region", ["", "central"])
def test_chapter_wages_and_openings_equal_the_apis(client, health_cluster, region):
    page = client.get(f"/guide/{CLUSTER}/?region={region}").content.decode()
    api = client.get(f"/api/v1/occupations?cluster={CLUSTER}&region={region}").json()
    expected = {row["soc"]: (row["median_annual"], row["annual_openings"]) for row in api}
    shown = guide_rows(page)
    assert set(shown) == set(OCCUPATIONS)
    assert shown == {soc: expected[soc] for soc in shown}
