"""Every role × the plan: what each may do (accounts/rules.py), and the lists agree."""

import pytest
from django.contrib.auth.models import AnonymousUser

from pathways.plans.models import NextStepPlan
from tests.factories.plans import plan_with_version

PERMISSIONS = (
    "plans.view_plan",
    "plans.change_plan",
    "plans.sign_as_student",
    "plans.sign_as_counselor",
    "plans.invite_parent",
)
# role: (view, change, sign as student, sign as counselor, invite a parent)
EXPECTED = {
    "state_admin": (True, False, False, False, False),
    "coordinator": (True, False, False, False, False),
    "coordinator_other_district": (False, False, False, False, False),
    "counselor": (True, True, False, True, True),
    "counselor_other_school": (False, False, False, False, False),
    "counselor_other_district": (False, False, False, False, False),
    "student": (True, True, True, False, True),
    "other_student": (False, False, False, False, False),
    "anonymous": (False, False, False, False, False),
}


def _user(people, role):  # type: ignore[no-untyped-def]
    return AnonymousUser() if role == "anonymous" else getattr(people, role)


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_may_do_exactly_its_part_with_a_plan(people, year, role):
    plan = plan_with_version(people.student, school_year=year)
    user = _user(people, role)
    allowed = tuple(user.has_perm(name, plan) for name in PERMISSIONS)
    assert allowed == EXPECTED[role]
    listed = NextStepPlan.objects.visible_to(user).filter(pk=plan.pk).exists()
    assert listed == EXPECTED[role][0]


@pytest.mark.parametrize(
    ("role", "sees_caseload"),
    [
        ("state_admin", True),
        ("coordinator", True),
        ("counselor", True),
        ("student", False),
        ("anonymous", False),
    ],
)
def test_only_staff_have_a_caseload(people, role, sees_caseload):
    assert _user(people, role).has_perm("plans.view_caseload") is sees_caseload


def test_a_counselor_with_no_school_sees_their_whole_districts_plans(people, year):
    from tests.factories.accounts import CounselorFactory

    plan = plan_with_version(people.student, school_year=year)
    assert CounselorFactory(school=None).has_perm("plans.view_plan", plan)
