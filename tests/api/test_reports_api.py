"""GET /api/v1/reports/status: the status report as JSON, for signed-in staff only, with the
same scoping and suppression as the web page."""

import re
from typing import Any

import pytest
from django.test import Client

from pathways.accounts.models import User
from pathways.students.models import RecordUpload
from pathways.students.status import recompute
from tests.factories.accounts import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
)
from tests.factories.geography import ALAMOGORDO, ALBUQUERQUE, alamogordo, albuquerque
from tests.factories.students import enrol, program_with_sequence, took

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/status"


@pytest.fixture
def cohort() -> None:
    """Albuquerque: 12 concentrators, 2 of them completers (below the minimum of 10).
    Alamogordo: 11 participants."""
    program_with_sequence(["W1", "W2", "W9"], title="Welding")
    for number in range(12):
        student = f"A{number:02d}"
        enrol(student, 2025)
        took(student, 2025, "W1")
        took(student, 2025, "W2")
        if number < 2:
            took(student, 2025, "W9", term="S2")
    program_with_sequence(["C1", "C2", "C9"], title="Culinary", district=alamogordo())
    for number in range(11):
        enrol(f"B{number:02d}", 2025, district=alamogordo())
        took(f"B{number:02d}", 2025, "C1", district=alamogordo())
    RecordUpload.objects.create(
        kind="courses",
        district=albuquerque(),
        school_year=2025,
        file_name="abq.csv",
        sha256="0" * 64,
        rows=26,
    )
    recompute()


def get(client: Client, user: User | None = None, **query: Any) -> Any:
    if user is not None:
        client.force_login(user)
    return client.get(URL, query)


def test_anonymous_callers_get_401_json(client: Client) -> None:
    answer = get(client)

    assert answer.status_code == 401
    assert answer.json() == {"detail": "Unauthorized"}


@pytest.mark.usefixtures("cohort")
def test_students_get_403_json(client: Client) -> None:
    answer = get(client, StudentFactory(student_id="A00"))

    assert answer.status_code == 403
    assert "counselors, coordinators and state staff" in answer.json()["detail"]


@pytest.mark.usefixtures("cohort")
def test_a_coordinator_asking_for_another_district_gets_403(client: Client) -> None:
    answer = get(client, DistrictCoordinatorFactory(district=alamogordo()), district=ALBUQUERQUE)

    assert answer.status_code == 403
    assert answer.json()["detail"] == "You may only see reports for your own district."


@pytest.mark.usefixtures("cohort")
def test_a_counselor_gets_their_district_with_suppressed_counts_as_null(client: Client) -> None:
    answer = get(client, CounselorFactory(), group_by="district")

    assert answer.status_code == 200
    report = answer.json()
    assert (report["year"], report["school_year"], report["district"]) == (
        2025,
        "2024-25",
        ALBUQUERQUE,
    )
    assert report["minimum"] == 10
    assert report["rows"] == [
        {
            "group_key": ALBUQUERQUE,
            "group_label": "Albuquerque Public Schools",
            "subgroup": "all",
            "subgroup_label": "All students",
            "participants": 12,
            "concentrators": 12,
            "completers": None,
            "suppressed": ["completers"],
        }
    ]
    assert report["source"].startswith(
        "Course completion records uploaded by Albuquerque Public Schools for school years "
        "2024-25 to 2024-25"
    )


@pytest.mark.usefixtures("cohort")
def test_the_state_sees_every_district_and_may_narrow_to_one(client: Client) -> None:
    state = StateAdminFactory()

    everything = get(client, state).json()
    one = get(client, district=ALAMOGORDO).json()

    assert [row["group_key"] for row in everything["rows"]] == ["35", ALAMOGORDO, ALBUQUERQUE]
    assert everything["district"] is None
    assert [(row["group_key"], row["participants"]) for row in one["rows"]] == [(ALAMOGORDO, 11)]


@pytest.mark.usefixtures("cohort")
def test_the_answer_has_the_same_figures_and_stars_as_the_web_page(client: Client) -> None:
    client.force_login(StateAdminFactory())
    query = {"group_by": "program", "breakdown": "sex"}

    answer = client.get(URL, query).json()
    page = client.get("/students/reports/", query).content.decode()

    def shown(row: dict[str, Any]) -> list[str]:
        measures = ("participants", "concentrators", "completers")
        return ["*" if m in row["suppressed"] else str(row[m]) for m in measures]

    body = page.split('class="figures status-report"')[1].split("</tbody>")[0]
    cells = re.findall(r'<td class="num">\s*([^<\s]+)', body)
    assert cells == [value for row in answer["rows"] for value in shown(row)]
    welding = [row for row in answer["rows"] if row["group_label"].startswith("Welding")]
    assert [row["subgroup"] for row in welding] == ["all", "F", "M", "X"]
    assert shown(welding[0]) == ["12", "12", "*"]


@pytest.mark.usefixtures("cohort")
@pytest.mark.parametrize(
    ("query", "status", "detail"),
    [
        ({"group_by": "county"}, 422, "query parameter 'group_by' ('county'): must be one of"),
        ({"breakdown": "income"}, 422, "query parameter 'breakdown' ('income')"),
        ({"year": "1999"}, 422, "years with records: 2025"),
        ({"year": "last"}, 422, "query parameter 'year'"),
        ({"district": "9999999"}, 404, "Unknown school district '9999999'"),
    ],
)
def test_bad_parameters_get_a_json_error_naming_them(
    client: Client, query: dict[str, str], status: int, detail: str
) -> None:
    answer = get(client, StateAdminFactory(), **query)

    assert answer.status_code == status
    assert detail in answer.json()["detail"]


def test_no_records_yet_is_a_404_not_an_error(client: Client) -> None:
    answer = get(client, DistrictCoordinatorFactory())

    assert answer.status_code == 404
    assert "No student records" in answer.json()["detail"]


@pytest.mark.usefixtures("cohort")
@pytest.mark.parametrize(
    "query",
    [
        {"district": "'; DROP TABLE x; --"},
        {"district": "35000600000000000000000"},
        {"year": "99999999999999999999999"},
        {"year": "-1"},
        {"group_by": "dístrict\u0000"},
        {"breakdown": "%00"},
    ],
)
def test_odd_input_never_gives_a_server_error(client: Client, query: dict[str, str]) -> None:
    answer = get(client, StateAdminFactory(), **query)

    assert 400 <= answer.status_code < 500
    assert answer.json()["detail"]
