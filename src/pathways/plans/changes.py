"""What changed since last year's plan: the previous school year's last version against
this one, item by item. The statute asks the plan to explain changes; the student writes
why, and this list says what."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pathways.programs.models import WorkBasedLearning

from .content import Content, normalized
from .models import NextStepPlan, PlanVersion


@dataclass(frozen=True)
class Change:
    label: Promise | str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _names(items: list[dict[str, Any]], key: str) -> dict[str, str]:
    return {str(item.get("id", item.get(key))): str(item.get(key, "")) for item in items}


def _listed(label: Promise, before: dict[str, str], after: dict[str, str]) -> Change | None:
    added = [after[k] for k in after if k not in before]
    removed = [before[k] for k in before if k not in after]
    return Change(label, added, removed) if added or removed else None


def wbl_label(kind: str) -> str:
    try:
        return str(WorkBasedLearning.Kind(kind).label)
    except ValueError:
        return kind


def changes_between(previous: dict[str, Any], current: dict[str, Any]) -> list[Change]:
    """Each part of the plan that differs, with what was added and what was dropped."""
    old: Content = normalized(previous)
    new: Content = normalized(current)
    found: list[Change | None] = [
        _listed(
            _("Career goals"),
            {g["soc"]: g["title"] for g in old["career_goals"]},
            {g["soc"]: g["title"] for g in new["career_goals"]},
        )
    ]
    old_program, new_program = old.get("program") or {}, new.get("program") or {}
    if old_program.get("id") != new_program.get("id"):
        found.append(
            Change(
                _("Program of study"),
                [new_program["title"]] if new_program else [],
                [old_program["title"]] if old_program else [],
            )
        )
    found.append(
        _listed(
            _("Courses planned"),
            {c["code"]: f"{c['code']} {c['title']}" for c in old["courses"] if c.get("grade")},
            {c["code"]: f"{c['code']} {c['title']}" for c in new["courses"] if c.get("grade")},
        )
    )
    found.append(
        _listed(
            _("Postsecondary plans"),
            _names(old["postsecondary"], "title"),
            _names(new["postsecondary"], "title"),
        )
    )
    found.append(
        _listed(
            _("Credentials"), _names(old["credentials"], "name"), _names(new["credentials"], "name")
        )
    )
    found.append(
        _listed(
            _("Work-based learning"),
            {k: wbl_label(k) for k in old["work_based_learning"]},
            {k: wbl_label(k) for k in new["work_based_learning"]},
        )
    )
    return [change for change in found if change is not None]


def previous_year_version(plan: NextStepPlan) -> PlanVersion | None:
    """The last version of the same student's plan for the school year before."""
    return (
        PlanVersion.objects.filter(
            plan__student_id=plan.student_id, plan__school_year=plan.school_year - 1
        )
        .order_by("-number")
        .first()
    )


def changes_since_last_year(plan: NextStepPlan, content: dict[str, Any]) -> list[Change] | None:
    """None when there was no plan last year (a first plan has nothing to compare)."""
    previous = previous_year_version(plan)
    if previous is None:
        return None
    return changes_between(previous.content, content)
