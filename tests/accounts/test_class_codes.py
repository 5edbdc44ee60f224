"""Class codes: staff make them for their own school or district; students join with one."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from pathways.accounts.class_codes import codes_with_uses, normalize
from pathways.accounts.models import CLASS_CODE_ALPHABET, ClassCode, ClassCodeJoin, Role, User
from tests.factories import CounselorFactory, DistrictCoordinatorFactory, StudentFactory
from tests.factories.class_codes import ClassCodeFactory
from tests.factories.geography import alamogordo
from tests.factories.students import school

pytestmark = pytest.mark.django_db
PASSWORD = "Mesa-Verde-Trail-42"


@pytest.fixture(autouse=True)
def _no_limits_carried_over():
    cache.clear()
    yield
    cache.clear()


def _yesterday():  # type: ignore[no-untyped-def]
    return timezone.localdate() - timedelta(days=1)


def _new_code_form(school_pk: int, **changes: object) -> dict[str, object]:
    form: dict[str, object] = {
        "school": school_pk,
        "label": "Period 3 Health Careers",
        "grade": "9",
        "school_year": ClassCodeFactory.build().school_year,
        "expires_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "max_uses": "30",
    }
    return {**form, **changes}


def _join(client, code: str, username: str = "mesa.runner", **changes: str):  # type: ignore[no-untyped-def]
    form = {
        "class_code": code,
        "username": username,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "student_id": "",
        **changes,
    }
    return client.post(reverse("accounts:join"), form)


def test_a_counselor_makes_a_code_for_their_school(client, districts):
    mine = school("100")
    counselor = CounselorFactory(school=mine)
    client.force_login(counselor)
    response = client.post(reverse("accounts:class_codes"), _new_code_form(mine.pk))
    code = ClassCode.objects.get()
    assert response.status_code == 302
    assert (code.school, code.district, code.created_by) == (mine, mine.district, counselor)
    assert len(code.code) == 8 and set(code.code) <= set(CLASS_CODE_ALPHABET)
    page = client.get(response["Location"])
    assert code.display_code in page.content.decode()


def test_a_counselor_cannot_make_a_code_for_another_school(client, districts):
    counselor = CounselorFactory(school=school("100"))
    other = school("200")
    client.force_login(counselor)
    response = client.post(reverse("accounts:class_codes"), _new_code_form(other.pk))
    assert response.status_code == 400
    assert not ClassCode.objects.exists()


def test_a_counselor_sees_only_their_schools_codes(client, districts):
    counselor = CounselorFactory(school=school("100"))
    mine = ClassCodeFactory(school=school("100"))
    theirs = ClassCodeFactory(school=school("200"))
    client.force_login(counselor)
    listing = client.get(reverse("accounts:class_codes")).content.decode()
    assert mine.display_code in listing and theirs.display_code not in listing
    assert client.get(reverse("accounts:class_code", args=[theirs.pk])).status_code == 404
    sheet = reverse("accounts:class_code_sheet", args=[theirs.pk])
    assert client.get(sheet).status_code == 404
    turn_off = reverse("accounts:class_code_turn_off", args=[theirs.pk])
    assert client.post(turn_off).status_code == 404


def test_a_coordinator_sees_their_districts_codes_only(client, districts):
    coordinator = DistrictCoordinatorFactory()
    ours = ClassCodeFactory(school=school("100"))
    elsewhere = ClassCodeFactory(school=school("100", district=alamogordo()))
    client.force_login(coordinator)
    listing = client.get(reverse("accounts:class_codes")).content.decode()
    assert ours.display_code in listing and elsewhere.display_code not in listing


def test_students_cannot_make_class_codes(client, districts):
    client.force_login(StudentFactory())
    assert client.get(reverse("accounts:class_codes")).status_code == 403


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"max_uses": "0"}, "max_uses"),
        ({"max_uses": "5000"}, "max_uses"),
        ({"expires_on": "2001-01-01"}, "expires_on"),
        ({"grade": "3"}, "grade"),
        ({"label": "x" * 81}, "label"),
    ],
)
def test_a_code_out_of_bounds_is_refused_with_a_message(client, districts, changes, field):
    mine = school("100")
    client.force_login(CounselorFactory(school=mine))
    response = client.post(reverse("accounts:class_codes"), _new_code_form(mine.pk, **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors


def test_a_student_joins_with_a_valid_code(client, districts):
    code = ClassCodeFactory(school=school("100"))
    response = _join(client, code.display_code.lower(), student_id="123456789")
    assert response.status_code == 302
    account = User.objects.get(username="mesa.runner")
    assert (account.role, account.district, account.school) == (
        Role.STUDENT,
        code.district,
        code.school,
    )
    assert account.email == ""
    # The typed ID is a claim for the counselor to check, never set on the account.
    assert account.student_id == ""
    assert ClassCodeJoin.objects.get(account=account).claimed_student_id == "123456789"
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.parametrize(
    "make, status, words",
    [
        (lambda: "ACDEFGHJ", 404, "There is no class code"),
        (
            lambda: ClassCodeFactory(expires_on=timezone.localdate() - timedelta(days=1)).code,
            410,
            "expired",
        ),
        (lambda: ClassCodeFactory(active=False).code, 410, "turned off"),
        (lambda: ClassCodeFactory(max_uses=1).code, 409, "Every place"),
    ],
    ids=["unknown", "expired", "turned-off", "used-up"],
)
def test_a_code_that_cannot_be_used_says_why(client, districts, make, status, words):
    typed = make()
    found = ClassCode.objects.filter(code=typed).first()
    if found and found.max_uses == 1:
        ClassCodeJoin.objects.create(class_code=found, account=StudentFactory())
    response = _join(client, typed)
    assert response.status_code == status
    assert words in response.content.decode()
    assert not User.objects.filter(username="mesa.runner").exists()


def test_a_taken_username_and_mismatched_passwords_are_refused(client, districts):
    code = ClassCodeFactory()
    StudentFactory(username="Mesa.Runner")
    response = _join(client, code.code, password2="something-else-99")
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "username" in errors and "password2" in errors


def test_guessing_codes_is_stopped(client, districts, settings):
    settings.PATHWAYS_JOIN_FAILURE_RATE = "3/h"
    for n in range(4):  # the limit is passed on the fourth refusal
        assert _join(client, f"ACDEFGH{CLASS_CODE_ALPHABET[n]}").status_code == 404
    code = ClassCodeFactory()
    response = _join(client, code.code)
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()


def test_a_counselor_confirms_the_typed_student_id_from_the_code_page(client, districts):
    from tests.factories.students import enrol

    mine = school("100")
    code = ClassCodeFactory(school=mine)
    enrol("987654321", 2026, school_code="100")
    account = StudentFactory(school=mine)
    ClassCodeJoin.objects.create(class_code=code, account=account, claimed_student_id="987654321")
    client.force_login(CounselorFactory(school=mine))
    page = reverse("accounts:class_code", args=[code.pk])
    assert "Confirm 987654321" in client.get(page).content.decode()
    response = client.post(
        reverse("students:link_account", args=[account.pk]),
        {"student_id": "987654321", "next": page},
    )
    assert response.status_code == 302 and response["Location"] == page
    account.refresh_from_db()
    assert account.student_id == "987654321"


def test_codes_are_read_however_they_are_typed():
    assert normalize(" acde-fghj ") == "ACDEFGHJ"


def test_the_join_page_is_in_spanish(client, districts):
    response = client.get("/es/accounts/join/")
    assert "Únete con un código de clase" in response.content.decode()


# Who may make a code for, and change a code of, school A-100 (Albuquerque): by hand.
SCOPE_TABLE = [
    # person,                         add for A-100, change A-100's code
    ("counselor of A-100", True, True),
    ("counselor of A-200", False, False),
    ("counselor of district A, no school", True, True),
    ("coordinator A", True, True),
    ("coordinator B", False, False),
    ("state admin", True, True),
    ("student of A-100", False, False),
]


def _person(name: str):  # type: ignore[no-untyped-def]
    from tests.factories import StateAdminFactory

    return {
        "counselor of A-100": lambda: CounselorFactory(school=school("100")),
        "counselor of A-200": lambda: CounselorFactory(school=school("200")),
        "counselor of district A, no school": lambda: CounselorFactory(school=None),
        "coordinator A": DistrictCoordinatorFactory,
        "coordinator B": lambda: DistrictCoordinatorFactory(district=alamogordo()),
        "state admin": StateAdminFactory,
        "student of A-100": lambda: StudentFactory(school=school("100")),
    }[name]()


@pytest.mark.parametrize("person, may_add, may_change", SCOPE_TABLE)
def test_class_code_scope(districts, person, may_add, may_change):
    user = _person(person)
    code = ClassCodeFactory(school=school("100"))
    assert user.has_perm("accounts.add_classcode", code.school) is may_add
    assert user.has_perm("accounts.change_classcode", code) is may_change
    assert codes_with_uses(user).filter(pk=code.pk).exists() is may_change


@pytest.mark.parametrize("hostile", ["\x00", "x" * 3000, "<script>alert(1)</script>", "١٢"])
def test_hostile_join_input_answers_4xx_never_5xx(client, districts, hostile):
    assert client.get(reverse("accounts:join"), {"code": hostile}).status_code == 200
    for field in ("class_code", "username", "student_id", "password1"):
        response = _join(client, "ACDEFGHJ", **{field: hostile})
        assert 400 <= response.status_code < 500


def test_the_limit_counts_the_visitor_behind_the_proxy_not_the_proxy(rf, settings):
    from pathways.accounts.views_class_codes import client_address

    settings.PATHWAYS_TRUSTED_PROXIES = ["127.0.0.1"]
    behind = rf.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_address("join", behind) == "203.0.113.9"
    direct = rf.post("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address("join", direct) == "198.51.100.4"


def test_the_code_list_counts_joins_without_a_query_per_code(
    client, districts, django_assert_max_num_queries
):
    mine = school("100")
    for _ in range(5):
        code = ClassCodeFactory(school=mine)
        ClassCodeJoin.objects.create(class_code=code, account=StudentFactory(school=mine))
    client.force_login(CounselorFactory(school=mine))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:class_codes"))
    assert response.content.decode().count("1 of 30") == 5
