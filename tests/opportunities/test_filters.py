"""The public list's filters, a plain GET form that works without JavaScript."""

import pytest

from tests.factories import ClusterFactory, OpportunityFactory, alamogordo
from tests.factories.occupations import SocCodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def postings():  # type: ignore[no-untyped-def]
    health = ClusterFactory(code="healthcare-human-services", name="Healthcare and Human Services")
    nurse = SocCodeFactory(code="29-1141", title="Registered Nurses")
    clinic = OpportunityFactory(
        title="Clinic internship", cluster=health, paid=True, minimum_age=16
    )
    clinic.occupations.create(soc_id=nurse.code)
    OpportunityFactory(
        title="Shop job shadow",
        kind="job_shadowing",
        district=alamogordo(),
        paid=False,
        minimum_age=18,
    )
    OpportunityFactory(title="Apprenticeship, any age", kind="apprenticeship", paid=True)
    return health


def titles(client, query: str) -> set[str]:  # type: ignore[no-untyped-def]
    response = client.get(f"/opportunities/?{query}")
    assert response.status_code == 200
    return {posting.title for posting in response.context["postings"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Clinic internship", "Shop job shadow", "Apprenticeship, any age"}),
        ("kind=job_shadowing", {"Shop job shadow"}),
        ("paid=no", {"Shop job shadow"}),
        ("paid=yes", {"Clinic internship", "Apprenticeship, any age"}),
        ("age=16", {"Clinic internship", "Apprenticeship, any age"}),
        ("age=15", {"Apprenticeship, any age"}),
        ("cluster=healthcare-human-services", {"Clinic internship"}),
        ("occupation=29-1141", {"Clinic internship"}),
        ("kind=&paid=&age=", {"Clinic internship", "Shop job shadow", "Apprenticeship, any age"}),
    ],
)
def test_each_filter_narrows_the_list(client, postings, query, expected):
    assert titles(client, query) == expected


def test_the_region_filter(client, postings):
    # Albuquerque (Bernalillo County) is in the Central region, Alamogordo (Otero) Eastern.
    assert titles(client, "region=eastern") == {"Shop job shadow"}
    assert "Shop job shadow" not in titles(client, "region=central")


@pytest.mark.parametrize(
    "query", ["kind=volunteer", "age=200", "age=abc", "region=atlantis", "occupation=11-1111"]
)
def test_a_bad_filter_answers_400_with_the_form(client, postings, query):
    response = client.get(f"/opportunities/?{query}")
    assert response.status_code == 400
    assert "Some filters are not valid" in response.content.decode()


def test_the_filter_form_is_a_get_form_without_script(client, postings):
    page = client.get("/opportunities/").content.decode()
    assert 'method="get"' in page and 'action="/opportunities/"' in page
    assert "29-1141 Registered Nurses" in page  # the occupation list offers what is posted


@pytest.mark.parametrize("name", ["region", "cluster", "occupation", "kind", "paid", "age", "page"])
def test_no_hostile_filter_value_answers_a_server_error(client, postings, name):
    from tests.core.test_fuzz_pages import HOSTILE

    for value in HOSTILE:
        response = client.get("/opportunities/", {name: value})
        assert response.status_code in (200, 400), (name, value)
