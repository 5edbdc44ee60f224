"""What changed since last year's plan: the previous school year's last version."""

from pathways.plans.changes import changes_between, changes_since_last_year
from pathways.plans.content import empty_content
from tests.factories.accounts import StudentFactory
from tests.factories.plans import plan_with_version

NURSE = {"soc": "29-1141", "title": "Registered Nurses"}
COOK = {"soc": "35-2014", "title": "Cooks, Restaurant"}


def test_goals_added_and_dropped_are_named():
    before = {**empty_content(), "career_goals": [NURSE]}
    after = {**empty_content(), "career_goals": [COOK]}
    [change] = changes_between(before, after)
    assert (str(change.label), change.added, change.removed) == (
        "Career goals",
        ["Cooks, Restaurant"],
        ["Registered Nurses"],
    )


def test_a_new_program_and_new_courses_are_changes():
    before = {**empty_content(), "program": {"id": 1, "title": "Welding"}}
    after = {
        **empty_content(),
        "program": {"id": 2, "title": "Health Careers"},
        "courses": [{"code": "H101", "title": "Health Science I", "grade": 9}],
    }
    found = {str(c.label): (c.added, c.removed) for c in changes_between(before, after)}
    assert found["Program of study"] == (["Health Careers"], ["Welding"])
    assert found["Courses planned"] == (["H101 Health Science I"], [])


def test_the_comparison_is_with_last_years_latest_version(db, year):
    student = StudentFactory()
    old = plan_with_version(student, school_year=year - 1, grade=9, career_goals=[NURSE])
    old.versions.create(number=2, content={**empty_content(), "career_goals": [COOK]})
    plan = plan_with_version(student, school_year=year, grade=10, career_goals=[COOK])
    assert changes_since_last_year(plan, plan.latest_version().content) == []


def test_a_first_plan_has_nothing_to_compare_with(db, year):
    plan = plan_with_version(StudentFactory(), school_year=year, career_goals=[NURSE])
    assert changes_since_last_year(plan, plan.latest_version().content) is None
