"""Who may do what: every object-level permission in one place (django-rules).

Views, the API and the CLI ask `user.has_perm(name, obj)`; querysets that list restricted
rows use the matching `visible_to(user)` scoping method in the model's QuerySet.
"""

from typing import Any

import rules

from pathways.accounts.models import Role


@rules.predicate
def is_state_admin(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.STATE_ADMIN)


@rules.predicate
def is_district_coordinator(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.DISTRICT_COORDINATOR)


@rules.predicate
def is_district_staff(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in (Role.DISTRICT_COORDINATOR, Role.COUNSELOR)
    )


@rules.predicate
def in_same_district(user: Any, program: Any) -> bool:
    return program is not None and user.is_authenticated and program.district_id == user.district_id


@rules.predicate
def is_approved(user: Any, program: Any) -> bool:
    return program is not None and program.status == "approved"


@rules.predicate
def is_editable_stage(user: Any, program: Any) -> bool:
    return program is not None and program.status in ("draft", "returned")


@rules.predicate
def is_submitted(user: Any, program: Any) -> bool:
    return program is not None and program.status == "submitted"


@rules.predicate
def course_only_in_own_drafts(user: Any, course: Any) -> bool:
    """A catalogue course placed in no program but the user's own district's drafts (or
    returned ones): changing it alters nothing another district, or an approved program,
    relies on."""
    return course is not None and not course.in_force_elsewhere(user.district_id)


# Programs of study: the public sees approved ones; district staff see their district's;
# coordinators edit and submit their district's drafts; the state edits and approves any.
rules.add_perm(
    "programs.view_programofstudy",
    is_approved | is_state_admin | (is_district_staff & in_same_district),
)
rules.add_perm("programs.add_programofstudy", is_state_admin | is_district_coordinator)
rules.add_perm(
    "programs.change_programofstudy",
    is_state_admin | (is_district_coordinator & in_same_district & is_editable_stage),
)
rules.add_perm(
    "programs.delete_programofstudy",
    is_state_admin | (is_district_coordinator & in_same_district & is_editable_stage),
)
rules.add_perm(
    "programs.submit_programofstudy",
    (is_state_admin | (is_district_coordinator & in_same_district)) & is_editable_stage,
)
rules.add_perm("programs.review_programofstudy", is_state_admin & is_submitted)


@rules.predicate
def is_revisable(user: Any, program: Any) -> bool:
    """An approved program with no revision open yet."""
    if program is None or program.status != "approved" or program.revision_of_id:
        return False
    return not type(program).objects.filter(revision_of=program).exists()


# A revision of an approved program is started by whoever may submit for that district.
rules.add_perm(
    "programs.revise_programofstudy",
    (is_state_admin | (is_district_coordinator & in_same_district)) & is_revisable,
)
# A submission is withdrawn (back to draft) by whoever may submit it, while it waits.
rules.add_perm(
    "programs.withdraw_programofstudy",
    (is_state_admin | (is_district_coordinator & in_same_district)) & is_submitted,
)
# The audit log names staff, so it is for the state and the program's own district staff.
rules.add_perm(
    "programs.view_programofstudy_history", is_state_admin | (is_district_staff & in_same_district)
)
rules.add_perm("programs.import_programs", is_state_admin | is_district_coordinator)
# The shared catalogue of courses, postsecondary programs and credentials.
rules.add_perm("programs.change_catalogue", is_state_admin | is_district_coordinator)
# A course already in the catalogue (its credits and grades): the state, or a coordinator
# when only their own district's drafts use it (issue #13: an import must never alter
# another district's approved program).
rules.add_perm(
    "programs.change_course", is_state_admin | (is_district_coordinator & course_only_in_own_drafts)
)

# Student records: reports for counselors, coordinators and the state, each scoped by
# students.scope.scope_for(user); uploads by coordinators (their district) and the state.
rules.add_perm("students.view_reports", is_state_admin | is_district_staff)
rules.add_perm("students.import_records", is_state_admin | is_district_coordinator)
# Exact (unsuppressed) counts, for the state's federal reporting only; every export audited.
rules.add_perm("students.export_exact_counts", is_state_admin)


# Resumes (issue #18): a student writes their own; their counselor (same school) may read it.
@rules.predicate
def is_student(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.STUDENT)


@rules.predicate
def owns_resume(user: Any, resume: Any) -> bool:
    return resume is not None and user.is_authenticated and resume.owner_id == user.pk


@rules.predicate
def counsels_resume_owner(user: Any, resume: Any) -> bool:
    if resume is None or not (user.is_authenticated and user.is_active):
        return False
    if user.role != Role.COUNSELOR or user.school_id is None:
        return False
    return bool(resume.owner.school_id == user.school_id)


rules.add_perm("resumes.add_resume", is_student)
rules.add_perm("resumes.change_resume", is_student & owns_resume)
rules.add_perm("resumes.view_resume", (is_student & owns_resume) | counsels_resume_owner)
