"""`pathways users create`: accounts with a role and district, set up by state staff."""

import io

import pytest
from django.core.management import CommandError, call_command

from pathways.accounts.models import Role, User
from pathways.geography.models import District
from tests.factories import ALAMOGORDO, ALBUQUERQUE, CounselorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("districts")]

PASSWORD = "Rio-Grande-Bosque-77"


def create(*args: str, password: str | None = PASSWORD, stdin: object = None) -> str:
    """Run `users create ARGS --password-stdin` with the password on standard input."""
    out = io.StringIO()
    extra = ["--password-stdin"] if password is not None else []
    call_command(
        "users",
        "create",
        *args,
        *extra,
        stdin=stdin if stdin is not None else io.StringIO(f"{password}\n"),
        stdout=out,
    )
    return out.getvalue()


def test_creates_a_district_coordinator():
    out = create(
        "--username", "jgarcia", "--email", "J.Garcia@APS.example",
        "--role", "district_coordinator", "--district", ALBUQUERQUE,
        "--first-name", "Josefina", "--last-name", "García",
    )  # fmt: skip
    user = User.objects.get(username="jgarcia")
    assert user.role == Role.DISTRICT_COORDINATOR
    assert user.district_id == ALBUQUERQUE
    assert user.email == "J.Garcia@aps.example"  # the domain is lower-cased
    assert user.get_full_name() == "Josefina García"
    assert user.check_password(PASSWORD)
    assert user.is_active and not user.is_staff and not user.is_superuser
    assert out == "Created jgarcia (District CTE coordinator, Albuquerque Public Schools).\n"
    assert PASSWORD not in out


def test_creates_a_state_administrator_without_a_district():
    out = create("--username", "sped", "--email", "s@ped.example", "--role", "state_admin")
    user = User.objects.get(username="sped")
    assert user.role == Role.STATE_ADMIN
    assert user.district is None
    assert out == "Created sped (State administrator).\n"


@pytest.mark.parametrize("role", ["counselor", "student"])
def test_creates_district_staff_and_students(role):
    create("--username", f"a-{role}", "--email", "a@b.example", "--role", role,
           "--district", ALAMOGORDO)  # fmt: skip
    assert User.objects.get(username=f"a-{role}").district_id == ALAMOGORDO


def test_asks_twice_at_a_terminal(monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    create("--username", "tty", "--email", "t@t.example", "--role", "state_admin",
           password=None, stdin=terminal)  # fmt: skip
    assert User.objects.get(username="tty").check_password(PASSWORD)


def test_refuses_two_different_passwords_at_a_terminal(monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    with pytest.raises(CommandError, match="The two passwords differ"):
        create("--username", "tty", "--email", "t@t.example", "--role", "state_admin",
               password=None, stdin=terminal)  # fmt: skip
    assert not User.objects.filter(username="tty").exists()


def test_without_a_terminal_it_asks_for_password_stdin():
    with pytest.raises(CommandError, match="--password-stdin"):
        create("--username", "x", "--email", "x@x.example", "--role", "state_admin",
               password=None, stdin=io.StringIO(""))  # fmt: skip


VALID = ["--username", "newuser", "--email", "n@u.example"]


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        pytest.param(
            [*VALID, "--role", "teacher"], PASSWORD,
            "Unknown role 'teacher': use one of state_admin, district_coordinator, counselor, "
            "student, employer.",
            id="unknown role",
        ),
        pytest.param(
            [*VALID, "--role", "counselor"], PASSWORD,
            "Role counselor needs --district NCES_ID",
            id="district staff without a district",
        ),
        pytest.param(
            [*VALID, "--role", "student"], PASSWORD,
            "Role student needs --district NCES_ID",
            id="student without a district",
        ),
        pytest.param(
            [*VALID, "--role", "state_admin", "--district", ALBUQUERQUE], PASSWORD,
            "State administrators belong to no district: omit --district.",
            id="state admin with a district",
        ),
        pytest.param(
            [*VALID, "--role", "counselor", "--district", "3599999"], PASSWORD,
            "No school district has NCES id '3599999'.",
            id="unknown district",
        ),
        pytest.param(
            ["--username", "bad name!", "--email", "n@u.example", "--role", "state_admin"],
            PASSWORD,
            "Username 'bad name!': Enter a valid username.",
            id="invalid username",
        ),
        pytest.param(
            ["--username", "newuser", "--email", "not-an-address", "--role", "state_admin"],
            PASSWORD,
            "'not-an-address' is not a valid e-mail address.",
            id="invalid e-mail",
        ),
        pytest.param(
            [*VALID, "--role", "state_admin"], "password",
            "The password is not accepted: This password is too common.",
            id="common password",
        ),
        pytest.param(
            [*VALID, "--role", "state_admin"], "", "The password is empty.", id="empty password"
        ),
    ],
)  # fmt: skip
def test_reports_what_is_wrong(args, password, message):
    with pytest.raises(CommandError) as raised:
        create(*args, password=password)
    assert str(raised.value).startswith(message)
    assert not User.objects.filter(username=args[1]).exists()


def test_refuses_a_username_that_exists_in_any_case():
    CounselorFactory(username="MLopez")
    with pytest.raises(CommandError, match=r"A user named 'mlopez' already exists\."):
        create("--username", "mlopez", "--email", "m@l.example", "--role", "state_admin")


def test_says_when_no_districts_are_loaded(monkeypatch):
    # As on a fresh database, without deleting districts other rows may point at.
    monkeypatch.setattr(District.objects, "exists", lambda: False)
    with pytest.raises(CommandError, match="No districts are loaded: run `pathways data load`"):
        create(*VALID, "--role", "counselor", "--district", "3599999")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="no action"),
        pytest.param(["create", "--email", "a@b.example", "--role", "student"], id="no username"),
    ],
)
def test_missing_arguments_are_errors(args):
    with pytest.raises(CommandError):
        call_command("users", *args, stdout=io.StringIO())
