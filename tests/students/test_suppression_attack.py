"""The attack of issue #13 on synthetic statewide records: the state's table by program and
the same table for every district, from the API, put together. Districts' students do not
overlap, so for every program each district's counts add up to the state's; a hidden cell
that these sums fix exactly would be a leak. The tables are suppressed jointly, so none is."""

from collections import defaultdict
from pathlib import Path

import pytest
from django.test import Client

from pathways.geography.models import District
from pathways.programs import transfer as program_importing
from pathways.students import importing, synthetic
from tests.factories import ClusterFactory, StateAdminFactory, SubClusterFactory, load_state_profile

pytestmark = pytest.mark.django_db

STUDENTS = 3_000
YEAR = 2025
PRIME = (1 << 61) - 1
STATUSES = ("participants", "concentrators", "completers")


@pytest.fixture
def statewide(tmp_path: Path) -> None:
    """Synthetic records for every district of the state profile, imported as an upload."""
    load_state_profile()
    cluster = ClusterFactory(code="attack-cluster")
    for number in range(20):
        SubClusterFactory(code=f"attack-{number}", cluster=cluster, name=f"Trade {number}")
    files = synthetic.generate(tmp_path, students=STUDENTS)
    admin = StateAdminFactory()
    program_importing.import_file(files["programs"], admin, status="approved")
    importing.import_file(files["courses"], user=admin)


def table(client: Client, breakdown: str, district: str = "") -> dict[tuple, int | None]:
    """(program, subgroup, status) -> the count shown (None: hidden); {} for no records."""
    query = {"year": YEAR, "group_by": "program", "breakdown": breakdown}
    if district:
        query["district"] = district
    response = client.get("/api/v1/reports/status", query)
    if response.status_code == 404:  # a district with no records: every count is 0
        return {}
    assert response.status_code == 200, response.content
    return {
        (row["group_key"], row["subgroup"], status): row[status]
        for row in response.json()["rows"]
        for status in STATUSES
    }


def derived_cells(
    state: dict[tuple, int | None], districts: dict[str, dict[tuple, int | None]]
) -> list[tuple]:
    """Hidden cells whose value the equations state = sum of districts fix exactly (and,
    with a breakdown, all students = sum of the subgroups), by elimination modulo a prime."""
    tables = {("state", ""): state} | {("district", d): t for d, t in districts.items()}
    equations: list[dict[tuple, int]] = []
    sums: dict[tuple, list[tuple]] = defaultdict(list)
    for place, cells in tables.items():
        for cell in cells:
            if place[0] == "district":
                sums[("state", "", *cell)].append((*place, *cell))
    for total, parts in sums.items():
        equations.append({total: 1} | {part: -1 for part in parts})
    for place, cells in tables.items():
        groups = defaultdict(list)
        for program, subgroup, status in cells:
            if subgroup != "all":
                groups[(program, status)].append((*place, program, subgroup, status))
        for (program, status), parts in groups.items():
            equations.append({(*place, program, "all", status): 1} | {p: -1 for p in parts})

    def value(cell: tuple) -> int | None:
        return tables[cell[:2]].get(cell[2:], 0)

    rows = [
        {cell: c % PRIME for cell, c in equation.items() if value(cell) is None}
        for equation in equations
    ]
    return _determined([row for row in rows if row])


def _determined(rows: list[dict[tuple, int]]) -> list[tuple]:
    """Unknowns whose unit vector is in the row space: an independent Gauss-Jordan."""
    basis: dict[tuple, dict[tuple, int]] = {}
    for row in rows:
        row = dict(row)
        for pivot, basis_row in basis.items():
            factor = row.get(pivot, 0)
            if factor:
                for cell, c in basis_row.items():
                    row[cell] = (row.get(cell, 0) - factor * c) % PRIME
                row = {cell: c for cell, c in row.items() if c}
        if not row:
            continue
        pivot = next(iter(row))
        inverse = pow(row[pivot], PRIME - 2, PRIME)
        row = {cell: c * inverse % PRIME for cell, c in row.items()}
        for other, basis_row in basis.items():
            factor = basis_row.get(pivot, 0)
            if factor:
                for cell, c in row.items():
                    basis_row[cell] = (basis_row.get(cell, 0) - factor * c) % PRIME
                basis[other] = {cell: c for cell, c in basis_row.items() if c}
        basis[pivot] = row
    return [pivot for pivot, row in basis.items() if len(row) == 1]


@pytest.mark.usefixtures("statewide")
def test_the_district_program_tables_and_the_states_reveal_no_hidden_count(
    client: Client,
) -> None:
    client.force_login(StateAdminFactory())
    nces_ids = list(District.objects.values_list("nces_id", flat=True))
    for breakdown in ("all", "sex"):  # the attack, and the same with subgroups
        state = table(client, breakdown)
        districts = {nces_id: table(client, breakdown, nces_id) for nces_id in nces_ids}
        hidden = [cell for cell, count in state.items() if count is None]
        assert hidden, "the synthetic state has small cells to protect"

        assert derived_cells(state, districts) == [], breakdown
