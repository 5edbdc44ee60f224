"""Who may do what: every role decision in one place (django-rules).

Views, templates (`perms.app.name`, `{% has_perm %}`), the API and the CLI ask
`user.has_perm(name, obj)`; nothing else compares a user's role. Querysets that list
restricted rows filter with the matching `*_visible_to(user)` condition below (through the
model's `visible_to(user)`), so a list never shows what a page would refuse. A refusal is
`PermissionDenied` with a reason, shown by the site-wide templates/403.html (the API
answers 403 JSON).
"""

from typing import Any

import rules
from django.db.models import Q

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
def is_counselor(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.COUNSELOR)


@rules.predicate
def is_student(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.STUDENT)


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


def programs_visible_to(user: Any) -> Q:
    """The programs of study `programs.view_programofstudy` lets `user` see, as one filter
    for lists (`ProgramOfStudy.objects.visible_to`): approved ones for everyone, a
    district's own for its staff, all for the state. `user` None is a visitor."""
    if user is None:
        return Q(status="approved")
    if is_state_admin(user):
        return Q()
    if is_district_staff(user):
        return Q(status="approved") | Q(district_id=user.district_id)
    return Q(status="approved")


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
# Staff's own list of programs ("My programs"), drafts and submissions included.
rules.add_perm("programs.view_dashboard", is_state_admin | is_district_staff)
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
# The whole state's reports, uploads and import jobs; others see their own district's.
rules.add_perm("students.view_statewide_reports", is_state_admin)
# Exact (unsuppressed) counts, for the state's federal reporting only; every export audited.
rules.add_perm("students.export_exact_counts", is_state_admin)
# A student's own course records and progress (the account's student ID, never the URL's).
rules.add_perm("students.view_own_records", is_student)


def import_jobs_visible_to(user: Any) -> Q:
    """The background import jobs a user may follow: their own; every job for the state."""
    if is_state_admin(user):
        return Q()
    return Q(user_id=user.pk) if user.is_authenticated else Q(pk__in=[])


# Saving to an account is for student accounts; anyone may print or keep the link.
rules.add_perm("profiler.save_results", is_student)
rules.add_perm("budget.save_scenario", is_student)


# --- Accounts: who manages whom (issue #13) -------------------------------------------------

# The roles each role may invite, edit and deactivate; coordinators only in their district.
MANAGED_ROLES: dict[str, tuple[str, ...]] = {
    Role.STATE_ADMIN: tuple(Role.values),
    Role.DISTRICT_COORDINATOR: (Role.COUNSELOR, Role.STUDENT),
}
# The page each role lands on after signing in (accounts/templates/accounts/dashboards/).
DASHBOARDS: dict[str, str] = {
    Role.STATE_ADMIN: "accounts/dashboards/state.html",
    Role.DISTRICT_COORDINATOR: "accounts/dashboards/coordinator.html",
    Role.COUNSELOR: "accounts/dashboards/counselor.html",
    Role.STUDENT: "accounts/dashboards/student.html",
    Role.EMPLOYER: "accounts/dashboards/employer.html",
}


def roles_managed_by(user: Any) -> tuple[str, ...]:
    if not (user.is_authenticated and user.is_active):
        return ()
    return MANAGED_ROLES.get(user.role, ())


def dashboard_template(user: Any) -> str:
    return DASHBOARDS.get(getattr(user, "role", ""), DASHBOARDS[Role.STUDENT])


def accounts_managed_by(user: Any) -> Any:
    """The accounts a user may see and change in the user pages (never their own)."""
    from pathways.accounts.models import User

    accounts = User.objects.filter(role__in=roles_managed_by(user)).exclude(pk=user.pk)
    if not is_state_admin(user):
        accounts = accounts.filter(district_id=user.district_id)
    return accounts


def student_accounts_linkable_by(user: Any) -> Any:
    """The student accounts whose state student ID a user may set."""
    from pathways.accounts.models import User

    if not user.has_perm("accounts.link_student_accounts"):
        return User.objects.none()
    accounts = User.objects.filter(role=Role.STUDENT)
    if not is_state_admin(user):
        accounts = accounts.filter(district_id=user.district_id)
    return accounts


@rules.predicate
def manages_users(user: Any) -> bool:
    return bool(roles_managed_by(user))


@rules.predicate
def manages_account(user: Any, account: Any) -> bool:
    if account is None or account.pk == user.pk or account.role not in roles_managed_by(user):
        return False
    return bool(is_state_admin(user) or account.district_id == user.district_id)


@rules.predicate
def may_assign_role(user: Any, role: Any) -> bool:
    return role in roles_managed_by(user)


@rules.predicate
def is_student_account(user: Any, account: Any) -> bool:
    return account is not None and account.role == Role.STUDENT


@rules.predicate
def account_in_same_district(user: Any, account: Any) -> bool:
    return account is not None and account.district_id == user.district_id


rules.add_perm("accounts.manage_users", manages_users)
rules.add_perm("accounts.change_managed_user", manages_account)
rules.add_perm("accounts.assign_role", may_assign_role)
# Counselors (and coordinators, and the state) tie a student account to a state student ID.
rules.add_perm("accounts.link_student_accounts", is_state_admin | is_district_staff)
rules.add_perm(
    "accounts.link_student_account",
    is_student_account & (is_state_admin | (is_district_staff & account_in_same_district)),
)


# Resumes (issue #18): a student writes their own; their counselor (same school) may read it.
@rules.predicate
def owns_resume(user: Any, resume: Any) -> bool:
    return resume is not None and user.is_authenticated and resume.owner_id == user.pk


@rules.predicate
def counsels_resume_owner(user: Any, resume: Any) -> bool:
    if resume is None or not (user.is_authenticated and user.is_active):
        return False
    if not is_counselor(user) or user.school_id is None:
        return False
    return bool(resume.owner.school_id == user.school_id)


rules.add_perm("resumes.add_resume", is_student)
rules.add_perm("resumes.change_resume", is_student & owns_resume)
rules.add_perm("resumes.view_resume", (is_student & owns_resume) | counsels_resume_owner)


# Class codes (issue #17): counselors make them for their own school (their district when
# tied to none), coordinators for any school of their district; the state sees all.
def class_codes_visible_to(user: Any) -> Q:
    if is_state_admin(user):
        return Q()
    if not is_district_staff(user):
        return Q(pk__in=[])
    if is_counselor(user) and user.school_id is not None:
        return Q(school_id=user.school_id)
    return Q(district_id=user.district_id)


def schools_for_class_codes(user: Any) -> Q:
    """The schools `user` may make class codes for, as a filter on School."""
    if is_state_admin(user):
        return Q()
    if not is_district_staff(user):
        return Q(pk__in=[])
    if is_counselor(user) and user.school_id is not None:
        return Q(pk=user.school_id)
    return Q(district_id=user.district_id)


@rules.predicate
def class_code_in_scope(user: Any, code: Any) -> bool:
    if code is None:
        return False
    return bool(type(code).objects.filter(class_codes_visible_to(user), pk=code.pk).exists())


@rules.predicate
def school_in_class_code_scope(user: Any, school: Any) -> bool:
    if school is None:
        return False
    return bool(type(school).objects.filter(schools_for_class_codes(user), pk=school.pk).exists())


rules.add_perm("accounts.manage_class_codes", is_state_admin | is_district_staff)
rules.add_perm(
    "accounts.add_classcode", (is_state_admin | is_district_staff) & school_in_class_code_scope
)
rules.add_perm(
    "accounts.change_classcode", (is_state_admin | is_district_staff) & class_code_in_scope
)

# Saved occupations (issue #17): a student keeps their own list.
rules.add_perm("saved.save_occupation", is_student)


# --- Next Step Plans and the caseload (issue #17) ------------------------------------------
# Only the student, their counselors (their school, or their district when the counselor
# has no school), their district's coordinators and the state see a plan.


def plan_students_visible_to(user: Any) -> Q:
    """The student accounts whose plans (and caseload row) `user` may see, as a filter on
    User: the state all, a coordinator their district, a counselor their school."""
    if user is None or not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    students = Q(role=Role.STUDENT)
    if is_state_admin(user):
        return students
    if is_district_coordinator(user):
        return students & Q(district_id=user.district_id)
    if is_counselor(user):
        students &= Q(district_id=user.district_id)
        return students & Q(school_id=user.school_id) if user.school_id else students
    if is_student(user):
        return students & Q(pk=user.pk)
    return Q(pk__in=[])


def plans_visible_to(user: Any) -> Q:
    """The plans `plans.view_plan` lets `user` see (NextStepPlan.objects.visible_to)."""
    return Q(student__in=_student_accounts().filter(plan_students_visible_to(user)))


def _student_accounts() -> Any:
    from pathways.accounts.models import User

    return User.objects.all()


def _plan_student(plan: Any) -> Any:
    return getattr(plan, "student", plan)  # a plan, or the student account itself


@rules.predicate
def owns_plan(user: Any, plan: Any) -> bool:
    return plan is not None and user.is_authenticated and _plan_student(plan).pk == user.pk


@rules.predicate
def counsels_plan_student(user: Any, plan: Any) -> bool:
    if plan is None or not is_counselor(user):
        return False
    student = _plan_student(plan)
    if student.role != Role.STUDENT or student.district_id != user.district_id:
        return False
    return bool(user.school_id is None or student.school_id == user.school_id)


@rules.predicate
def coordinates_plan_student(user: Any, plan: Any) -> bool:
    if plan is None or not is_district_coordinator(user):
        return False
    student = _plan_student(plan)
    return bool(student.role == Role.STUDENT and student.district_id == user.district_id)


# `obj` is a NextStepPlan, or a student account for the pages about a student's plan.
rules.add_perm("plans.add_plan", is_student)
rules.add_perm(
    "plans.view_plan",
    is_state_admin | (is_student & owns_plan) | counsels_plan_student | coordinates_plan_student,
)
# The student writes their plan; their counselor may edit it with them.
rules.add_perm("plans.change_plan", (is_student & owns_plan) | counsels_plan_student)
rules.add_perm("plans.sign_as_student", is_student & owns_plan)
rules.add_perm("plans.sign_as_counselor", counsels_plan_student)
rules.add_perm("plans.invite_parent", (is_student & owns_plan) | counsels_plan_student)
rules.add_perm("plans.view_caseload", is_state_admin | is_district_staff)
rules.add_perm("plans.remind_students", is_state_admin | is_district_staff)
rules.add_perm("plans.export_caseload", is_state_admin | is_district_staff)
# Names stay in the district: a caseload CSV names students only for district staff.
rules.add_perm("plans.export_names", is_district_staff)


# Regional analyses and media (issue #20): state administrators and district coordinators
# write analyses; only the state reviews and publishes them. The public reads published ones.
@rules.predicate
def is_analysis_author(user: Any, analysis: Any) -> bool:
    return analysis is not None and user.is_authenticated and analysis.author_id == user.pk


@rules.predicate
def is_analysis_draft(user: Any, analysis: Any) -> bool:
    return analysis is not None and analysis.status == "draft"


@rules.predicate
def is_analysis_in_review(user: Any, analysis: Any) -> bool:
    return analysis is not None and analysis.status == "in_review"


@rules.predicate
def is_analysis_published(user: Any, analysis: Any) -> bool:
    return analysis is not None and analysis.status == "published"


def analyses_visible_to(user: Any) -> Q:
    """The analyses `analyses.view_analysis` lets `user` read: published ones; a writer's
    own drafts too; every one for the state. `user` None is a visitor."""
    if user is None or not user.is_authenticated:
        return Q(status="published")
    if is_state_admin(user):
        return Q()
    return Q(status="published") | Q(author_id=user.pk)


rules.add_perm(
    "analyses.view_analysis", is_analysis_published | is_state_admin | is_analysis_author
)
rules.add_perm("analyses.add_analysis", is_state_admin | is_district_coordinator)
# The editor's list of drafts and submissions.
rules.add_perm("analyses.view_editor", is_state_admin | is_district_coordinator)
rules.add_perm(
    "analyses.change_analysis",
    (is_state_admin & ~is_analysis_published)
    | (is_district_coordinator & is_analysis_author & is_analysis_draft),
)
rules.add_perm(
    "analyses.submit_analysis",
    (is_state_admin | (is_district_coordinator & is_analysis_author)) & is_analysis_draft,
)
rules.add_perm("analyses.publish_analysis", is_state_admin & is_analysis_in_review)
rules.add_perm("analyses.return_analysis", is_state_admin & is_analysis_in_review)
# A published analysis goes back to draft (to correct it) only by the state.
rules.add_perm("analyses.unpublish_analysis", is_state_admin & is_analysis_published)
# Podcasts and training sessions are the state's.
rules.add_perm("analyses.manage_media", is_state_admin)


# --- Opportunities and employers (issue #20) ------------------------------------------------
# An employer signs up with an inactive account; the coordinator of the district it chose,
# or the state, approves it (active from then on). District staff publish postings at once;
# an approved employer's postings wait for a coordinator's or the state's review.


def _employer_status(user: Any) -> str:
    """The staff decision on an employer's sign-up. An employer account the state created
    in the user pages has no sign-up to decide: creating it was the approval."""
    profile = getattr(user, "employer_profile", None)
    return str(getattr(profile, "status", "approved"))


@rules.predicate
def is_employer(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.EMPLOYER)


@rules.predicate
def is_approved_employer(user: Any) -> bool:
    return bool(is_employer(user) and _employer_status(user) == "approved")


@rules.predicate
def is_employer_account(user: Any, account: Any) -> bool:
    return account is not None and account.role == Role.EMPLOYER


@rules.predicate
def is_pending_employer(user: Any, account: Any) -> bool:
    return bool(is_employer_account(user, account) and _employer_status(account) == "pending")


@rules.predicate
def posts_opportunity(user: Any, posting: Any) -> bool:
    return posting is not None and user.is_authenticated and posting.posted_by_id == user.pk


@rules.predicate
def posting_in_same_district(user: Any, posting: Any) -> bool:
    return posting is not None and user.is_authenticated and posting.district_id == user.district_id


@rules.predicate
def is_open_posting(user: Any, posting: Any) -> bool:
    return posting is not None and posting.is_open


@rules.predicate
def is_pending_posting(user: Any, posting: Any) -> bool:
    return posting is not None and posting.status == "pending"


@rules.predicate
def accepts_applications_here(user: Any, posting: Any) -> bool:
    return posting is not None and posting.is_open and posting.apply_in_site


def open_opportunities(today: Any) -> Q:
    """Published, past neither its application deadline nor its end date, and posted by
    an account still active: the postings anyone may see (expiry is decided here, at query
    time, so a posting closes on the day even before the nightly job marks it closed)."""
    return (
        Q(status="published", posted_by__is_active=True)
        & (Q(application_deadline__isnull=True) | Q(application_deadline__gte=today))
        & (Q(end_date__isnull=True) | Q(end_date__gte=today))
    )


def opportunities_visible_to(user: Any, today: Any) -> Q:
    """The postings `opportunities.view_opportunity` lets `user` see, as one filter: open
    ones for everyone, their own for an employer, their district's for district staff,
    all for the state. `user` None is a visitor."""
    visible = open_opportunities(today)
    if user is None or not (user.is_authenticated and user.is_active):
        return visible
    if is_state_admin(user):
        return Q()
    if is_district_staff(user):
        return visible | Q(district_id=user.district_id)
    if is_employer(user):
        return visible | Q(posted_by_id=user.pk)
    return visible


def applications_visible_to(user: Any) -> Q:
    """Applications a user may read: a student their own; an employer those sent to its
    postings; district staff those from their district's students or to its postings; the
    state all. Nobody else (other students, other employers) sees any."""
    if user is None or not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if is_state_admin(user):
        return Q()
    if is_district_staff(user):
        return Q(student__district_id=user.district_id) | Q(
            opportunity__district_id=user.district_id
        )
    if is_employer(user):
        return Q(opportunity__posted_by_id=user.pk)
    if is_student(user):
        return Q(student_id=user.pk)
    return Q(pk__in=[])


def employers_reviewable_by(user: Any) -> Q:
    """Employer accounts a user may approve or refuse: the state any; a coordinator those
    that chose the coordinator's district."""
    if is_state_admin(user):
        return Q(role=Role.EMPLOYER)
    if is_district_coordinator(user):
        return Q(role=Role.EMPLOYER, district_id=user.district_id)
    return Q(pk__in=[])


@rules.predicate
def may_see_application(user: Any, application: Any) -> bool:
    if application is None or not (user.is_authenticated and user.is_active):
        return False
    return bool(
        type(application).objects.filter(applications_visible_to(user), pk=application.pk).exists()
    )


_reviews_postings = is_state_admin | is_district_coordinator
rules.add_perm(
    "opportunities.view_opportunity",
    is_open_posting
    | is_state_admin
    | (is_district_staff & posting_in_same_district)
    | (is_employer & posts_opportunity),
)
rules.add_perm(
    "opportunities.add_opportunity", is_state_admin | is_district_staff | is_approved_employer
)
# District staff's and the state's postings are published at once; employers' wait.
rules.add_perm("opportunities.publish_opportunity", is_state_admin | is_district_staff)
rules.add_perm(
    "opportunities.close_opportunity",
    is_state_admin
    | (is_district_staff & posting_in_same_district)
    | (is_employer & posts_opportunity),
)
# The applications sent to one posting: its poster and the staff of its district.
rules.add_perm(
    "opportunities.view_posting_applications",
    is_state_admin
    | (is_district_staff & posting_in_same_district)
    | (is_employer & posts_opportunity),
)
rules.add_perm("opportunities.view_moderation_queue", _reviews_postings)
rules.add_perm(
    "opportunities.moderate_opportunity",
    (is_state_admin | (is_district_coordinator & posting_in_same_district)) & is_pending_posting,
)
rules.add_perm("opportunities.review_employers", _reviews_postings)
rules.add_perm(
    "opportunities.approve_employer",
    (is_state_admin | (is_district_coordinator & account_in_same_district)) & is_pending_employer,
)
rules.add_perm("opportunities.save_opportunity", is_student)
rules.add_perm("opportunities.apply_opportunity", is_student & accepts_applications_here)
rules.add_perm("opportunities.view_applications", is_state_admin | is_district_staff | is_employer)
rules.add_perm("opportunities.view_application", may_see_application)
rules.add_perm("opportunities.view_own_postings", is_state_admin | is_district_staff | is_employer)


# Work-based learning placements (issue #20): the student logs hours; the supervisor
# verifies through a signed link (no account, placements/links.py); then the teacher named
# on the placement. Its data is for the student, that teacher, a counselor of the same
# school, the district's coordinators and the state.
@rules.predicate
def owns_placement(user: Any, placement: Any) -> bool:
    return placement is not None and user.is_authenticated and placement.student_id == user.pk


@rules.predicate
def teaches_placement(user: Any, placement: Any) -> bool:
    return placement is not None and user.is_authenticated and placement.teacher_id == user.pk


@rules.predicate
def counsels_placement_school(user: Any, placement: Any) -> bool:
    return bool(
        placement is not None
        and user.is_authenticated
        and user.school_id is not None
        and placement.school_id == user.school_id
        and placement.district_id == user.district_id
    )


def placements_visible_to(user: Any) -> Q:
    """The placements `placements.view_placement` lets `user` see, as one filter."""
    if user is None or not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if is_state_admin(user):
        return Q()
    if is_district_coordinator(user):
        return Q(district_id=user.district_id)
    if is_counselor(user):
        mine = Q(teacher_id=user.pk)
        if user.school_id is not None:
            mine |= Q(school_id=user.school_id, district_id=user.district_id)
        return mine
    if is_student(user):
        return Q(student_id=user.pk)
    return Q(pk__in=[])


def placement_teachers_for(student: Any) -> Any:
    """The accounts a student may name as the teacher who verifies a placement: active
    counselors or teachers of their school (of their district when they have no school)."""
    from pathways.accounts.models import User

    teachers = User.objects.filter(
        role=Role.COUNSELOR, is_active=True, district_id=student.district_id
    )
    if student.school_id is not None:
        teachers = teachers.filter(school_id=student.school_id)
    return teachers.order_by("last_name", "first_name", "pk")


rules.add_perm("placements.add_placement", is_student)
rules.add_perm("placements.change_placement", is_student & owns_placement)
rules.add_perm(
    "placements.view_placement",
    (is_student & owns_placement)
    | (is_counselor & (teaches_placement | counsels_placement_school))
    | (is_district_coordinator & in_same_district)
    | is_state_admin,
)
rules.add_perm("placements.verify_placement", is_counselor & teaches_placement)
# The staff page of placements: teachers and counselors, coordinators, the state.
rules.add_perm("placements.view_staff_list", is_state_admin | is_district_staff)
