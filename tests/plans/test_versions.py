"""Plans keep every changed save as a version; signatures stay with the version signed."""

import pytest

from pathways.plans.content import empty_content
from pathways.plans.models import NextStepPlan, PlanVersion
from pathways.plans.versions import PlanError, PlanStatus, save_content, sign, status_of
from tests.factories.accounts import StudentFactory


@pytest.fixture
def plan(db, year):  # type: ignore[no-untyped-def]
    return NextStepPlan.objects.create(student=StudentFactory(), school_year=year, grade=10)


def content(**changes):  # type: ignore[no-untyped-def]
    return {**empty_content(), **changes}


def test_a_changed_save_makes_a_new_version_and_keeps_the_old_one(plan):
    save_content(plan, content(graduate_profile="First"), None)
    save_content(plan, content(graduate_profile="Second"), None)
    versions = list(plan.versions.order_by("number").values_list("number", "content"))
    assert [(n, c["graduate_profile"]) for n, c in versions] == [(1, "First"), (2, "Second")]


def test_saving_the_same_content_again_makes_no_version(plan):
    save_content(plan, content(graduate_profile="Same"), None)
    assert save_content(plan, content(graduate_profile="Same"), None) is None
    assert plan.versions.count() == 1


def test_a_plan_is_complete_only_with_every_signature_on_its_latest_version(plan):
    save_content(plan, content(graduate_profile="Ready"), None)
    assert status_of(plan) == PlanStatus.DRAFT
    sign(plan, "student", "Rosa")
    sign(plan, "counselor", "Ms. Baca")
    assert status_of(plan) == PlanStatus.AWAITING
    sign(plan, "parent", "Maria")
    assert status_of(plan) == PlanStatus.COMPLETE


def test_editing_after_signing_starts_a_version_that_needs_signing_again(plan):
    save_content(plan, content(graduate_profile="Ready"), None)
    for role in ("student", "parent", "counselor"):
        sign(plan, role, "Someone")
    save_content(plan, content(graduate_profile="Changed my mind"), None)
    assert status_of(plan) == PlanStatus.DRAFT
    first = PlanVersion.objects.get(plan=plan, number=1)
    assert first.signatures.count() == 3  # the signed version keeps its signatures


def test_an_adult_student_needs_no_parent_signature(plan):
    plan.adult = True
    plan.save()
    save_content(plan, content(graduate_profile="Ready"), None)
    sign(plan, "student", "Rosa")
    sign(plan, "counselor", "Ms. Baca")
    assert status_of(plan) == PlanStatus.COMPLETE
    with pytest.raises(PlanError, match="18 or older"):
        sign(plan, "parent", "Maria")


def test_signing_a_version_that_was_replaced_is_refused(plan):
    save_content(plan, content(graduate_profile="One"), None)
    save_content(plan, content(graduate_profile="Two"), None)
    with pytest.raises(PlanError, match="changed after you opened it"):
        sign(plan, "student", "Rosa", number=1)


def test_a_role_signs_a_version_once(plan):
    save_content(plan, content(graduate_profile="One"), None)
    sign(plan, "student", "Rosa")
    with pytest.raises(PlanError, match="already signed"):
        sign(plan, "student", "Rosa")


@pytest.mark.parametrize(("grade", "kind"), [(8, "interim"), (11, "interim"), (12, "final")])
def test_the_kind_of_plan_follows_the_grade(db, grade, kind):
    assert NextStepPlan(grade=grade).kind == kind


def test_a_plan_never_saved_is_not_started(plan):
    assert status_of(plan) == PlanStatus.NOT_STARTED
    assert status_of(None) == PlanStatus.NOT_STARTED
