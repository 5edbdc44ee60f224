"""Who may do what with a program of study: every role × action × status, as one table.

The table is the policy, written out by hand; accounts/rules.py must produce it, and
`ProgramOfStudy.objects.visible_to(user)` must agree with the view permission, so lists
never show what a detail page would refuse (or hide what it would show).

The state administrator here is not a superuser: Django answers every `has_perm` with True
for an active superuser, whatever the rules say.
"""

from collections.abc import Callable
from typing import Any

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from pathways.programs.models import ProgramOfStudy
from tests.factories import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    ProgramOfStudyFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
    albuquerque,
)

pytestmark = pytest.mark.django_db

ACTIONS = {
    "view": "programs.view_programofstudy",
    "change": "programs.change_programofstudy",
    "delete": "programs.delete_programofstudy",
    "submit": "programs.submit_programofstudy",
    "review": "programs.review_programofstudy",
    "add": "programs.add_programofstudy",
    "import": "programs.import_programs",
}
# Add and import concern no existing program: the answer is the same whatever its status.
MODEL_LEVEL = {"add", "import"}

# The people. District A is Albuquerque, district B Alamogordo; every program is in A.
PEOPLE: dict[str, Callable[[], Any]] = {
    "anonymous": AnonymousUser,
    "student": lambda: StudentFactory(district=albuquerque()),
    "counselor A": lambda: CounselorFactory(district=albuquerque()),
    "coordinator A": lambda: DistrictCoordinatorFactory(district=albuquerque()),
    "coordinator B": lambda: DistrictCoordinatorFactory(district=alamogordo()),
    "state admin": StateAdminFactory,
    "inactive state admin": lambda: StateAdminFactory(is_active=False),
}

# Which statuses of a district-A program each person may act on:
# D draft, S submitted, A approved, R returned; "" never, "DSAR" always.
# fmt: off
TABLE = [
    # person                 view    change  delete  submit  review  add     import
    ("anonymous",            "A",    "",     "",     "",     "",     "",     ""),
    ("student",              "A",    "",     "",     "",     "",     "",     ""),
    ("counselor A",          "DSAR", "",     "",     "",     "",     "",     ""),
    ("coordinator A",        "DSAR", "DR",   "DR",   "DR",   "",     "DSAR", "DSAR"),
    ("coordinator B",        "A",    "",     "",     "",     "",     "DSAR", "DSAR"),
    ("state admin",          "DSAR", "DSAR", "DSAR", "DR",   "S",    "DSAR", "DSAR"),
    ("inactive state admin", "A",    "",     "",     "",     "",     "",     ""),
]
# fmt: on
POLICY = {person: dict(zip(ACTIONS, row, strict=True)) for person, *row in TABLE}
STATUSES = {"D": "draft", "S": "submitted", "A": "approved", "R": "returned"}

CASES = [
    pytest.param(
        person, action, status, letter in POLICY[person][action], id=f"{person}-{action}-{status}"
    )
    for person in PEOPLE
    for action in ACTIONS
    for letter, status in STATUSES.items()
]


def test_the_table_covers_every_person_action_and_status():
    assert set(POLICY) == set(PEOPLE)
    assert all(set(row) == set(ACTIONS) for row in POLICY.values())
    assert set(ProgramOfStudy.Status.values) == set(STATUSES.values())
    assert len(CASES) == 7 * 7 * 4


@pytest.mark.parametrize("perm", ACTIONS.values())
def test_every_action_is_a_rule(perm):
    # A permission missing from rules.py falls through to ModelBackend and quietly says no.
    assert rules.perm_exists(perm)


@pytest.mark.parametrize(("person", "action", "status", "allowed"), CASES)
def test_permission(person, action, status, allowed):
    user = PEOPLE[person]()
    program = ProgramOfStudyFactory(district=albuquerque(), status=status)
    perm = ACTIONS[action]
    assert user.has_perm(perm, program) is allowed
    if action in MODEL_LEVEL:
        assert user.has_perm(perm) is allowed


@pytest.mark.parametrize(
    ("person", "status", "visible"),
    [
        pytest.param(person, status, letter in POLICY[person]["view"], id=f"{person}-{status}")
        for person in PEOPLE
        for letter, status in STATUSES.items()
    ],
)
def test_lists_show_exactly_what_may_be_viewed(person, status, visible):
    user = PEOPLE[person]()
    program = ProgramOfStudyFactory(district=albuquerque(), status=status)
    listed = ProgramOfStudy.objects.visible_to(user).filter(pk=program.pk).exists()
    assert listed is visible
    assert listed is user.has_perm(ACTIONS["view"], program)


@pytest.mark.parametrize("person", PEOPLE)
def test_lists_agree_with_the_view_permission_over_a_mixed_set(person):
    """Programs in both districts and every status, scoped in one query."""
    user = PEOPLE[person]()
    for place in (albuquerque(), alamogordo()):
        for status in STATUSES.values():
            ProgramOfStudyFactory(district=place, status=status)
    listed = set(ProgramOfStudy.objects.visible_to(user))
    viewable = {p for p in ProgramOfStudy.objects.all() if user.has_perm(ACTIONS["view"], p)}
    assert listed == viewable


def test_a_coordinator_edits_their_own_districts_drafts_but_not_anothers():
    own = DistrictCoordinatorFactory(district=alamogordo())
    draft_here = ProgramOfStudyFactory(district=alamogordo(), status="draft")
    draft_there = ProgramOfStudyFactory(district=albuquerque(), status="draft")
    assert own.has_perm(ACTIONS["change"], draft_here)
    assert not own.has_perm(ACTIONS["change"], draft_there)
    assert not own.has_perm(ACTIONS["view"], draft_there)


# Every other role decision, person × action (no object): "x" allowed, "" refused.
OTHER_ACTIONS = {
    "dashboard": "programs.view_dashboard",
    "reports": "students.view_reports",
    "statewide": "students.view_statewide_reports",
    "upload": "students.import_records",
    "exact": "students.export_exact_counts",
    "own records": "students.view_own_records",
    "save profile": "profiler.save_results",
    "save budget": "budget.save_scenario",
}
# fmt: off
OTHER_TABLE = [
    # person                 dashboard reports statewide upload exact own   profile budget
    ("anonymous",            "",       "",     "",       "",    "",   "",   "",     ""),
    ("student",              "",       "",     "",       "",    "",   "x",  "x",    "x"),
    ("counselor A",          "x",      "x",    "",       "",    "",   "",   "",     ""),
    ("coordinator A",        "x",      "x",    "",       "x",   "",   "",   "",     ""),
    ("coordinator B",        "x",      "x",    "",       "x",   "",   "",   "",     ""),
    ("state admin",          "x",      "x",    "x",      "x",   "x",  "",   "",     ""),
    ("inactive state admin", "",       "",     "",       "",    "",   "",   "",     ""),
]
# fmt: on
OTHER_POLICY = {person: dict(zip(OTHER_ACTIONS, row, strict=True)) for person, *row in OTHER_TABLE}


@pytest.mark.parametrize(
    ("person", "action", "allowed"),
    [
        pytest.param(person, action, OTHER_POLICY[person][action] == "x", id=f"{person}-{action}")
        for person in PEOPLE
        for action in OTHER_ACTIONS
    ],
)
def test_role_decision(person, action, allowed):
    user = PEOPLE[person]()
    assert rules.perm_exists(OTHER_ACTIONS[action])
    assert user.has_perm(OTHER_ACTIONS[action]) is allowed


def test_no_module_or_template_compares_a_role_outside_the_rules():
    """Role decisions live in accounts/rules.py, nowhere else."""
    from pathlib import Path

    import pathways

    root = Path(pathways.__file__).parent
    allowed = {"accounts", "migrations", "locale"}
    offenders = [
        str(path.relative_to(root))
        for path in [*root.rglob("*.py"), *root.rglob("*.html")]
        if not allowed & set(path.relative_to(root).parts)
        and any(
            needle in path.read_text(encoding="utf-8")
            for needle in ('role == "', 'role != "', "role == Role", "role != Role", "role in (")
        )
    ]
    assert offenders == []
