"""Hostile values in every public page's query parameters answer 4xx or the page, never 5xx.

Each page is requested with each of its parameters set, one at a time, to each hostile
value: digits Python's str.isdigit() accepts but int() does not, numbers too large for a
float, NUL bytes (PostgreSQL refuses them in text), markup, very long strings."""

import pytest
from django.test import Client

from pathways.budget.scenario import CATEGORIES
from tests.factories import StudentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.mirror]

HOSTILE = [
    "²",
    "١٢",
    "9" * 309,
    "-1",
    "1e309",
    "nan",
    "1.5",
    "",
    "\x00",
    "<script>alert(1)</script>",
    "x" * 3000,
    "%",
]
PROFILE = {"R": "10", "I": "20", "A": "5", "S": "30", "E": "12", "C": "8"}
BUDGET = {"place": "35001", "adults": "1", "working": "1", "children": "0", "bedrooms": "1"}
BUDGET_PARAMETERS = ["place", "adults", "working", "children", "bedrooms", "transport", "miles"]
BUDGET_PARAMETERS += list(CATEGORIES)[:3]

# (path, the other parameters a valid request needs, the parameters to fuzz)
PAGES = [
    ("/", {}, ["page"]),
    ("/data/", {}, ["format"]),
    ("/clusters/", {}, ["framework", "format"]),
    ("/clusters/healthcare-human-services/", {}, ["sort", "view", "region", "format"]),
    ("/occupations/29-1141/", {}, ["area", "region", "format"]),
    ("/search/", {}, ["q", "format", "page"]),
    ("/search/suggest/", {}, ["q"]),
    ("/compare/", {"soc": "29-1141"}, ["soc", "add"]),
    ("/regions/", {}, ["format"]),
    ("/regions/central/", {}, ["area", "table", "format", "sort"]),
    ("/counties/35001/", {}, ["table", "format"]),
    ("/districts/", {}, ["region", "county", "format"]),
    ("/programs/", {}, ["district", "region", "cluster", "page"]),
    ("/opportunities/", {}, ["region", "cluster", "occupation", "kind", "paid", "age", "page"]),
    ("/interests/results/", PROFILE, [*PROFILE, "zone", "form", "all"]),
    ("/interests/clusters/results/", {}, ["item"]),
    ("/budget/", {}, BUDGET_PARAMETERS),
    ("/budget/total/", BUDGET, BUDGET_PARAMETERS),
    ("/budget/results/", BUDGET, [*BUDGET_PARAMETERS, "group", "soc", "cmp"]),
]
CASES = [
    pytest.param(path, base, name, id=f"{path}?{name}")
    for path, base, names in PAGES
    for name in names
]


@pytest.mark.parametrize(("path", "base", "name"), CASES)
def test_no_hostile_parameter_answers_a_server_error(client, real_data, path, base, name):
    failures = []
    for value in HOSTILE:
        response = client.get(path, {**base, name: value})
        if response.status_code >= 500:
            failures.append((path, name, value[:20], response.status_code))
    assert not failures


def test_the_spanish_pages_parse_their_parameters_the_same_way(client, real_data):
    assert client.get("/es/interests/results/", {**PROFILE, "R": "²"}).status_code == 400
    assert client.get("/es/clusters/healthcare-human-services/", {"sort": "²"}).status_code < 500


def test_no_hostile_id_on_the_signed_in_budget_comparison_answers_a_server_error(
    client: Client, real_data
):
    client.force_login(StudentFactory())
    failures = []
    for value in HOSTILE:
        for name in ("id", "q"):
            if client.get("/budget/compare/", {name: value}).status_code >= 500:
                failures.append((name, value[:20]))
    assert not failures
