"""Exact counts for the state's federal reporting: state staff only, audited, marked not
for publication, never cached; every other view stays suppressed."""

import pytest
from django.test import Client
from django.urls import reverse

from pathways.students.models import ExactCountExport
from tests.factories import CounselorFactory, DistrictCoordinatorFactory, StateAdminFactory
from tests.factories.students import enrol, program_with_sequence, took
from tests.students.conftest import YEAR

pytestmark = pytest.mark.django_db

EXACT_CSV = reverse("students:exact_file", kwargs={"fmt": "csv"})
FILTERS = {"report": "status", "year": YEAR, "group_by": "state", "breakdown": "all"}


@pytest.fixture
def three_participants() -> None:
    """Three participants: a count the public tables hide."""
    program_with_sequence(["W1", "W2", "W9"])
    for number in range(3):
        enrol(f"S{number}", YEAR)
        took(f"S{number}", YEAR, "W1")
    from pathways.students import status

    status.recompute()


@pytest.mark.usefixtures("three_participants")
def test_state_staff_get_exact_counts_marked_not_for_publication_and_never_cached(
    client: Client,
) -> None:
    admin = StateAdminFactory()
    client.force_login(admin)

    response = client.post(EXACT_CSV, FILTERS)

    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "NOT FOR PUBLICATION" in text
    assert ",3," in text  # the participants, not "*"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "not-for-publication" in response["Content-Disposition"]


@pytest.mark.usefixtures("three_participants")
def test_each_exact_export_is_recorded_with_who_when_and_what(client: Client) -> None:
    admin = StateAdminFactory()
    client.force_login(admin)

    client.post(EXACT_CSV, {**FILTERS, "report": "perkins", "group_by": "district"})

    export = ExactCountExport.objects.get()
    assert (export.user, export.username) == (admin, admin.username)
    assert (export.report, export.school_year, export.group_by) == ("perkins", YEAR, "district")
    assert export.exported_at is not None


@pytest.mark.usefixtures("three_participants")
@pytest.mark.parametrize("factory", [DistrictCoordinatorFactory, CounselorFactory])
def test_other_roles_are_refused_and_nothing_is_recorded(client: Client, factory) -> None:  # type: ignore[no-untyped-def]
    client.force_login(factory())

    response = client.post(EXACT_CSV, FILTERS)

    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    assert not ExactCountExport.objects.exists()


@pytest.mark.usefixtures("three_participants")
def test_anonymous_and_get_requests_get_no_exact_counts(client: Client) -> None:
    assert client.post(EXACT_CSV, FILTERS).status_code == 302  # to sign in
    client.force_login(StateAdminFactory())
    assert client.get(EXACT_CSV, FILTERS).status_code == 405
    assert not ExactCountExport.objects.exists()


@pytest.mark.usefixtures("three_participants")
def test_the_state_page_and_its_download_stay_suppressed(client: Client) -> None:
    client.force_login(StateAdminFactory())
    query = {"year": YEAR, "group_by": "state"}

    page = client.get(reverse("students:reports"), query).content.decode()
    download = client.get(reverse("students:report_file", kwargs={"fmt": "csv"}), query)

    assert "Download exact counts" in page  # offered to the state only
    assert ",3," not in download.content.decode("utf-8-sig")
