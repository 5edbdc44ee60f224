"""What the student's school records already say, offered as resume items to accept or not.

Nothing is invented: each suggestion is a record a district reported (course completions, the
status engine's answer, credentials, work-based learning, dual credit, graduation). Nothing
goes into the resume until the student adds it; what they turn down is not offered again.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from pathways.placements.records import verified_placements
from pathways.programs.models import Credential
from pathways.students.models import (
    CredentialEarned,
    DualCreditRecord,
    GraduationRecord,
    StudentYear,
    WorkBasedLearningRecord,
)
from pathways.students.progress import course_record, progress_for, school_year_label

from .models import Resume

MAX_COURSES = 30  # the schema's bound on a list


@dataclass(frozen=True)
class Suggestion:
    key: str  # stable across visits: what record_choices remembers
    section: str  # a JSON Resume section, or "meta.cte" / "meta.workBasedLearning"
    item: dict[str, Any]
    source: str  # which record it comes from, in plain words


def _education(student_id: str) -> list[Suggestion]:
    latest = (
        StudentYear.objects.filter(student_id=student_id)
        .select_related("school")
        .order_by("-school_year")
        .first()
    )
    if latest is None:
        return []
    item: dict[str, Any] = {
        "institution": latest.school.name,
        "studyType": _("High school diploma"),
    }
    graduation = (
        GraduationRecord.objects.filter(student_id=student_id).order_by("-cohort_year").first()
    )
    if graduation is not None:
        year = graduation.graduation_year if graduation.graduated else graduation.cohort_year
        if year:
            item["endDate"] = str(year)
    courses = [r.title for r in course_record(student_id) if r.passed and r.title]
    if courses:
        item["courses"] = list(dict.fromkeys(courses))[:MAX_COURSES]
    return [Suggestion(f"school:{latest.school_id}", "education", item, _("Enrollment records"))]


def _programs(student_id: str) -> list[Suggestion]:
    return [
        Suggestion(
            f"cte:{progress.program_id}:{progress.status}",
            "meta.cte",
            {
                "program": progress.title,
                "district": progress.district_name,
                "status": progress.status,
                "schoolYear": progress.status_year_label,
            },
            _("CTE program status"),
        )
        for progress in progress_for(student_id)
    ]


def _credentials(student_id: str) -> list[Suggestion]:
    """Each credential with its issuer and date where the district reported them; an issuer
    not reported comes from the credentials catalogue of programs of study, by name."""
    rows = list(CredentialEarned.objects.filter(student_id=student_id).order_by("school_year"))
    catalogue = dict(
        Credential.objects.filter(name__in={r.credential for r in rows})
        .exclude(issuer="")
        .values_list("name", "issuer")
    )
    found = []
    for row in rows:
        item = {"name": row.credential}
        issuer = row.issuer or catalogue.get(row.credential, "")
        if issuer:
            item["issuer"] = issuer
        if row.date_earned:
            item["date"] = row.date_earned.isoformat()
        found.append(
            Suggestion(
                f"credential:{row.school_year}:{row.credential}",
                "certificates",
                item,
                _("Credential earned in %(year)s") % {"year": school_year_label(row.school_year)},
            )
        )
    return found


def _work_based_learning(student_id: str) -> list[Suggestion]:
    # From district files only: hours verified on this site are offered by placement below.
    rows = WorkBasedLearningRecord.objects.filter(
        student_id=student_id, source=WorkBasedLearningRecord.Source.FILE
    ).order_by("school_year")
    return [
        Suggestion(
            f"wbl:{row.school_year}:{row.kind}",
            "meta.workBasedLearning",
            {
                "kind": row.get_kind_display(),
                "hours": row.hours,
                "schoolYear": school_year_label(row.school_year),
            },
            _("Work-based learning"),
        )
        for row in rows
    ]


def _placements(owner: Any) -> list[Suggestion]:
    """Placements with hours verified by the supervisor and the teacher (whole hours)."""
    return [
        Suggestion(
            f"placement:{placement.pk}",
            "meta.workBasedLearning",
            {
                "kind": placement.get_kind_display(),
                "organization": placement.organization,
                "hours": int(hours),
                "schoolYear": school_year_label(placement.school_year),
            },
            _("Work-based learning verified by your supervisor and teacher"),
        )
        for placement, hours in verified_placements(owner)
    ]


def _dual_credit(student_id: str) -> list[Suggestion]:
    by_institution: dict[str, list[str]] = {}
    rows = DualCreditRecord.objects.filter(student_id=student_id).order_by("school_year")
    for row in rows:
        credits = _("%(code)s (%(credits)s credits)") % {
            "code": row.course_code,
            "credits": row.credits_earned,
        }
        by_institution.setdefault(row.institution or _("Dual credit"), []).append(credits)
    return [
        Suggestion(
            f"dual:{institution}",
            "education",
            {"institution": institution, "studyType": _("Dual credit"), "courses": courses},
            _("Dual credit"),
        )
        for institution, courses in by_institution.items()
    ]


def suggestions(resume: Resume) -> list[Suggestion]:
    """Record items the student has neither added nor turned down yet."""
    student_id = getattr(resume.owner, "student_id", "")
    found = _placements(resume.owner)  # the account's own, linked or not
    if student_id:
        found = [
            *_education(student_id),
            *_programs(student_id),
            *_credentials(student_id),
            *_work_based_learning(student_id),
            *found,
            *_dual_credit(student_id),
        ]
    return [s for s in found if s.key not in resume.record_choices]


def decide(resume: Resume, key: str, *, add: bool) -> bool:
    """Add the suggestion with this key to the resume, or turn it down; False if none."""
    found = next((s for s in suggestions(resume) if s.key == key), None)
    if found is None:
        return False
    if add:
        if found.section.startswith("meta."):
            meta = resume.document.setdefault("meta", {})
            meta.setdefault(found.section.removeprefix("meta."), []).append(found.item)
        else:
            resume.document.setdefault(found.section, []).append(found.item)
    resume.record_choices[key] = "added" if add else "declined"
    resume.save()
    return True
