"""Next Step Plans for tests: a plan with one saved version of the given content."""

from typing import Any

from pathways.plans.content import empty_content
from pathways.plans.models import NextStepPlan, PlanVersion


def plan_with_version(
    student: Any, *, school_year: int, grade: int = 9, adult: bool = False, **content: Any
) -> NextStepPlan:
    plan = NextStepPlan.objects.create(
        student=student, school_year=school_year, grade=grade, adult=adult
    )
    PlanVersion.objects.create(plan=plan, number=1, content={**empty_content(), **content})
    return plan
