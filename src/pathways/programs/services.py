"""Programs of study: the approval workflow, the course sequence, what a program leads to.

Plain functions that the editor, the public pages, the API and the importers all call.
Every access decision is a `user.has_perm(...)` answered by accounts/rules.py; a refused
step raises `PermissionDenied`, a step the program's state does not allow raises
`WorkflowError` with a message to show. Each change is recorded in the audit log
(django-simple-history) with the user and a reason.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pathways.framework.models import SubClusterOccupation
from pathways.occupations.tables import OccupationRow, Sort, occupation_rows, sort_rows
from pathways.students.status import refresh as refresh_status

from .models import (
    CipSocLink,
    Course,
    PostsecondaryProgram,
    ProgramCourse,
    ProgramOfStudy,
    ProgramQuerySet,
    WorkBasedLearning,
)

Status = ProgramOfStudy.Status
MIN_COURSES = 2
REASON_MAX = 100  # simple-history's history_change_reason column
# Positions are moved out of the way by this much while a sequence is rewritten.
_PARKING_OFFSET = 1000


class WorkflowError(Exception):
    """A workflow step the program's current state does not allow."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return " ".join([self.message, *self.problems])


def require(user: Any, permission: str, program: ProgramOfStudy | None = None) -> None:
    """Raise PermissionDenied unless accounts/rules.py grants `permission` on `program`."""
    if not user.has_perm(permission, program):
        raise PermissionDenied(_("You do not have permission to do that."))


def course_in_force_elsewhere(course: Course, district_id: str | None) -> bool:
    """Whether a catalogue course is placed in a program of another district, or in any
    program past the draft stage: changing its credits or grades would then alter a
    program that district's coordinator may not change (rule `programs.change_course`)."""
    editable = (Status.DRAFT, Status.RETURNED)
    return (
        ProgramCourse.objects.filter(course=course)
        .exclude(program__district_id=district_id, program__status__in=editable)
        .exists()
    )


def may_view_history(user: Any, program: ProgramOfStudy) -> bool:
    """The audit log names staff: rule `programs.view_programofstudy_history`."""
    return bool(user.has_perm("programs.view_programofstudy_history", program))


# ---------------------------------------------------------------- the course sequence


def sequence_problems(entries: Sequence[tuple[int, bool]]) -> list[str]:
    """What stops a sequence from being submitted; `entries` are (position, is_capstone)."""
    problems = []
    if len(entries) < MIN_COURSES:
        problems.append(
            ngettext(
                "A program needs at least %(min)d course; it has %(n)d.",
                "A program needs at least %(min)d courses; it has %(n)d.",
                MIN_COURSES,
            )
            % {"min": MIN_COURSES, "n": len(entries)}
        )
    positions = sorted(position for position, _capstone in entries)
    if positions != list(range(1, len(entries) + 1)):
        problems.append(_("Course positions must run 1, 2, 3 … without gaps or repeats."))
    capstones = [position for position, capstone in entries if capstone]
    if not capstones:
        problems.append(_("Mark one course as the capstone."))
    elif len(capstones) > 1:
        problems.append(_("Mark only one course as the capstone."))
    elif positions and capstones[0] != max(positions):
        problems.append(_("The capstone must be the last course in the sequence."))
    return problems


def validate_sequence(program: ProgramOfStudy) -> list[str]:
    """Problems with the program's course sequence; an empty list when it may be submitted."""
    entries = list(program.sequence.values_list("position", "is_capstone"))
    return sequence_problems(entries)


def ordered_sequence(program: ProgramOfStudy) -> list[ProgramCourse]:
    return list(program.sequence.select_related("course").order_by("position"))


@transaction.atomic
def set_sequence(program: ProgramOfStudy, rows: Sequence[tuple[Course, bool]], user: Any) -> None:
    """Replace the program's course sequence with `rows` (course, is_capstone), in order:
    positions become 1..n. Unchanged rows are left alone, so the audit log shows only
    what changed."""
    require(user, "programs.change_programofstudy", program)
    wanted: dict[int, tuple[int, bool]] = {}
    for position, (course, capstone) in enumerate(rows, start=1):
        if course.pk in wanted:
            raise WorkflowError(_("%(course)s appears twice in the sequence.") % {"course": course})
        wanted[course.pk] = (position, bool(capstone))
    if sum(capstone for _position, capstone in wanted.values()) > 1:
        raise WorkflowError(_("Mark only one course as the capstone."))

    existing = {pc.course_id: pc for pc in program.sequence.all()}
    for course_id, placement in existing.items():
        if course_id not in wanted:
            placement._history_user = user  # type: ignore[attr-defined]
            placement.delete()
    changed = [
        pc
        for course_id, pc in existing.items()
        if course_id in wanted and (pc.position, pc.is_capstone) != wanted[course_id]
    ]
    move_placements(changed, wanted, user)
    for course_id, (position, capstone) in wanted.items():
        if course_id not in existing:
            placement = ProgramCourse(
                program=program, course_id=course_id, position=position, is_capstone=capstone
            )
            placement._history_user = user  # type: ignore[attr-defined]
            placement.save()
    refresh_status(programs=[program.pk])  # an approved program's students, at once


def move_placements(
    placements: Sequence[ProgramCourse], wanted: Mapping[int, tuple[int, bool]], user: Any
) -> None:
    """Give each placement its wanted (position, is_capstone), by course id; `user` (if
    any) is named in the audit log."""
    if not placements:
        return
    # Park the moving rows first (no audit entry) so no position or capstone clashes.
    ProgramCourse.objects.filter(pk__in=[pc.pk for pc in placements]).update(
        position=F("position") + _PARKING_OFFSET, is_capstone=False
    )
    for pc in placements:
        pc.position, pc.is_capstone = wanted[pc.course_id]
        if user is not None:
            pc._history_user = user  # type: ignore[attr-defined]
        pc.save()


# ---------------------------------------------------------------- the approval workflow


def _save_status(
    program: ProgramOfStudy, user: Any, status: str, reason: str, **fields: Any
) -> ProgramOfStudy:
    program.status = status
    for name, value in fields.items():
        setattr(program, name, value)
    program._history_user = user  # type: ignore[attr-defined]
    program._change_reason = reason[:REASON_MAX]  # type: ignore[attr-defined]
    program.save(update_fields=["status", *fields, "updated_at"])
    return program


def _lock(program: ProgramOfStudy) -> None:
    """Re-read the program's state under a row lock, so two reviewers cannot race."""
    program.refresh_from_db(from_queryset=ProgramOfStudy.objects.select_for_update())


@transaction.atomic
def submit(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """A draft (or a returned program) goes to the state for approval."""
    _lock(program)
    if program.status not in (Status.DRAFT, Status.RETURNED):
        raise WorkflowError(
            _("Only a draft or a returned program can be submitted; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.submit_programofstudy", program)
    problems = validate_sequence(program)
    if problems:
        raise WorkflowError(_("Fix the course sequence before submitting."), problems)
    return _save_status(program, user, Status.SUBMITTED, "submitted")


@transaction.atomic
def start_revision(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """A draft copy of an approved program, to change; the approved one stays in force."""
    _lock(program)
    require(user, "programs.revise_programofstudy", program)
    revision = ProgramOfStudy(
        district_id=program.district_id,
        title=program.title,
        description=program.description,
        subcluster_id=program.subcluster_id,
        legacy_pathway_id=program.legacy_pathway_id,
        is_demonstration=program.is_demonstration,
        revision_of=program,
    )
    revision.skip_history_when_saving = True  # type: ignore[attr-defined]
    revision.save()
    _copy_content(program, revision, user)
    del revision.skip_history_when_saving  # type: ignore[attr-defined]
    revision._history_user = user  # type: ignore[attr-defined]
    revision._change_reason = "revision started"  # type: ignore[attr-defined]
    revision.save()
    return revision


def _copy_content(source: ProgramOfStudy, target: ProgramOfStudy, user: Any) -> None:
    """The course sequence, links and work-based learning of `source`, onto `target`;
    each row added or removed is in the audit log with `user`."""
    for old in [*target.sequence.all(), *target.work_based_learning.all()]:
        _by(user, old).delete()
    for placement in source.sequence.all():
        _by(
            user,
            ProgramCourse(
                program=target,
                course_id=placement.course_id,
                position=placement.position,
                is_capstone=placement.is_capstone,
            ),
        ).save()
    for entry in source.work_based_learning.all():
        _by(
            user,
            WorkBasedLearning(
                program=target,
                kind=entry.kind,
                description=entry.description,
                partner=entry.partner,
            ),
        ).save()
    target.postsecondary_programs.set(source.postsecondary_programs.all())
    target.credentials.set(source.credentials.all())


def _by(user: Any, row: Any) -> Any:
    row._history_user = user
    return row


def _replace_with_revision(revision: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """The state approved a revision: the approved program takes its content (keeping its
    address, its students' status and its audit log, where the replaced version stays)
    and the revision, now merged, is removed."""
    program = revision.revision_of
    assert program is not None
    _lock(program)
    for name in ("title", "description", "subcluster_id", "legacy_pathway_id"):
        setattr(program, name, getattr(revision, name))
    program.skip_history_when_saving = True  # type: ignore[attr-defined]
    _copy_content(revision, program, user)
    del program.skip_history_when_saving  # type: ignore[attr-defined]
    revision._history_user = user  # type: ignore[attr-defined]
    revision._change_reason = "revision approved"  # type: ignore[attr-defined]
    revision.delete()
    program.review_comment = ""
    program._history_user = user  # type: ignore[attr-defined]
    program._change_reason = "revision approved"  # type: ignore[attr-defined]
    program.save()
    return program


@transaction.atomic
def withdraw(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """A submission the state has not reviewed yet goes back to draft, to change it."""
    _lock(program)
    if program.status != Status.SUBMITTED:
        raise WorkflowError(
            _("Only a submitted program can be withdrawn; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.withdraw_programofstudy", program)
    return _save_status(program, user, Status.DRAFT, "withdrawn")


@transaction.atomic
def approve(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """The state approves a submitted program; it becomes public."""
    _lock(program)
    if program.status != Status.SUBMITTED:
        raise WorkflowError(
            _("Only a submitted program can be approved; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.review_programofstudy", program)
    problems = validate_sequence(program)
    if problems:
        raise WorkflowError(_("The course sequence has problems; return it instead."), problems)
    if program.revision_of_id:
        approved = _replace_with_revision(program, user)
    else:
        approved = _save_status(program, user, Status.APPROVED, "approved", review_comment="")
    refresh_status(programs=[approved.pk])  # its students' status shows in reports at once
    return approved


@transaction.atomic
def return_for_changes(program: ProgramOfStudy, user: Any, comment: str) -> ProgramOfStudy:
    """The state sends a submitted program back to its district, saying what to change."""
    comment = (comment or "").strip()
    _lock(program)
    if program.status != Status.SUBMITTED:
        raise WorkflowError(
            _("Only a submitted program can be returned; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.review_programofstudy", program)
    if not comment:
        raise WorkflowError(_("Write a comment saying what the district should change."))
    return _save_status(
        program, user, Status.RETURNED, f"returned: {comment}", review_comment=comment
    )


def approval(program: ProgramOfStudy) -> Any | None:
    """The audit-log record of the program's latest approval (history_user, history_date)."""
    return (
        program.history.filter(
            status=Status.APPROVED, history_change_reason__in=["approved", "revision approved"]
        )
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )


# ---------------------------------------------------------------- what a program leads to


@dataclass(frozen=True)
class ReachedOccupation:
    row: OccupationRow
    in_subcluster: bool
    programs: list[PostsecondaryProgram]


@dataclass
class OccupationsReached:
    """The occupations a program leads to, with statewide wage and openings rows."""

    rows: list[OccupationRow]
    # SOC code -> how the program reaches it.
    via_subcluster: set[str] = field(default_factory=set)
    via_programs: dict[str, list[PostsecondaryProgram]] = field(default_factory=dict)

    @property
    def socs(self) -> list[str]:
        return [row.soc for row in self.rows]

    @property
    def items(self) -> list[ReachedOccupation]:
        """Each row with how the program reaches it."""
        return [
            ReachedOccupation(
                row, row.soc in self.via_subcluster, self.via_programs.get(row.soc, [])
            )
            for row in self.rows
        ]


def _cip_prefix(cip_code: str) -> str:
    """What every 6-digit code under `cip_code` starts with ("51" -> "51.")."""
    code = cip_code.strip()
    return f"{code}." if len(code) == 2 else code


def _cip_match(cip_codes: Iterable[str]) -> Q:
    """CIP codes on postsecondary programs may be 2, 4 or 6 digits; a shorter code matches
    every 6-digit code under it."""
    q = Q(pk__in=[])
    for code in set(cip_codes):
        code = code.strip()
        if not code:
            continue
        if len(code) == 2:
            q |= Q(cip_code__startswith=f"{code}.")
        elif len(code) < 7:
            q |= Q(cip_code__startswith=code)
        else:
            q |= Q(cip_code=code)
    return q


def occupations_reached(
    program: ProgramOfStudy, area_code: str | None = None
) -> OccupationsReached:
    """SOC codes the program leads to: its 2024 sub-cluster's occupations (Advance CTE) and
    those its postsecondary programs prepare for (NCES-BLS CIP-SOC crosswalk); rows carry
    wages and openings for `area_code` (statewide by default), most openings first."""
    via_subcluster = set(
        SubClusterOccupation.objects.filter(subcluster_id=program.subcluster_id).values_list(
            "soc_code", flat=True
        )
    )
    postsecondary_programs = list(program.postsecondary_programs.all())
    links = set(
        CipSocLink.objects.filter(
            _cip_match(p.cip_code for p in postsecondary_programs)
        ).values_list("cip_code", "soc_code")
    )
    via_programs: dict[str, list[PostsecondaryProgram]] = {}
    for postsecondary in postsecondary_programs:
        prefix = _cip_prefix(postsecondary.cip_code)
        if not prefix:
            continue
        for soc in {soc for cip, soc in links if cip.startswith(prefix)}:
            via_programs.setdefault(soc, []).append(postsecondary)
    rows = occupation_rows(via_subcluster | set(via_programs), area_code)
    return OccupationsReached(sort_rows(rows, Sort.OPENINGS), via_subcluster, via_programs)


# ---------------------------------------------------------------- approved programs, by place


def _listed(queryset: ProgramQuerySet) -> ProgramQuerySet:
    return queryset.select_related("district", "subcluster__cluster").order_by(
        "title", "district__name"
    )


def approved_programs() -> ProgramQuerySet:
    """What a visitor sees (the public list and the place pages): the same filter as the
    API's and the export's, for no signed-in user."""
    return _listed(ProgramOfStudy.objects.visible_to(None))


def programs_for_district(district: Any) -> ProgramQuerySet:
    """Approved programs of a district (a District or its NCES id)."""
    district_id = getattr(district, "pk", district)
    return approved_programs().filter(district_id=district_id)


def programs_for_cluster(cluster_code: str) -> ProgramQuerySet:
    """Approved programs in a cluster: a 2024 cluster by sub-cluster, a legacy cluster by
    legacy pathway."""
    return approved_programs().filter(in_cluster(cluster_code))


def in_cluster(cluster_code: str) -> Q:
    return Q(subcluster__cluster_id=cluster_code) | Q(legacy_pathway__cluster_id=cluster_code)


def programs_for_occupation(soc: str) -> ProgramQuerySet:
    """Approved programs that reach an occupation, the inverse of `occupations_reached`."""
    subclusters = SubClusterOccupation.objects.filter(soc_code=soc).values("subcluster_id")
    cips = set(CipSocLink.objects.filter(soc_code=soc).values_list("cip_code", flat=True))
    prefixes = cips | {c[:5] for c in cips} | {c[:2] for c in cips}
    postsecondary = PostsecondaryProgram.objects.filter(cip_code__in=prefixes).values("pk")
    return (
        approved_programs()
        .filter(Q(subcluster_id__in=subclusters) | Q(postsecondary_programs__in=postsecondary))
        .distinct()
    )


# ---------------------------------------------------------------- the audit log


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: Any
    user: Any
    part: str  # what was changed: the program, its courses, its work-based learning
    action: str  # created, changed, deleted
    reason: str
    changes: list[Change]


PROGRAM_FIELDS = [
    "title",
    "description",
    "district_id",
    "subcluster_id",
    "legacy_pathway_id",
    "status",
    "review_comment",
    "is_demonstration",
    "postsecondary_programs",
    "credentials",
]
COURSE_FIELDS = ["course_id", "position", "is_capstone"]
WBL_FIELDS = ["kind", "description", "partner"]
EMPTY: tuple[Any, ...] = (None, "", False, frozenset())


def _labels() -> dict[str, str]:
    return {
        "title": _("Title"),
        "description": _("Description"),
        "district_id": _("District"),
        "subcluster_id": _("2024 sub-cluster"),
        "legacy_pathway_id": _("Legacy pathway"),
        "status": _("Status"),
        "review_comment": _("Review comment"),
        "is_demonstration": _("Demonstration data"),
        "postsecondary_programs": _("Postsecondary programs"),
        "credentials": _("Credentials"),
        "course_id": _("Course"),
        "position": _("Position"),
        "is_capstone": _("Capstone"),
        "kind": _("Kind"),
        "partner": _("Partner"),
    }


def _m2m_ids(record_ids: list[int], field_name: str, target: str) -> dict[int, frozenset[int]]:
    through = apps.get_model("programs", f"HistoricalProgramOfStudy_{field_name}")
    found: dict[int, set[int]] = {pk: set() for pk in record_ids}
    rows = through.objects.filter(history_id__in=record_ids).values_list(
        "history_id", f"{target}_id"
    )
    for history_id, target_id in rows:
        found[history_id].add(target_id)
    return {pk: frozenset(ids) for pk, ids in found.items()}


@dataclass
class _Raw:
    record: Any
    part: str
    changes: list[tuple[str, Any, Any]]


def _raw_entries(
    records: list[Any], values_of: Any, part: str, key: str | None = None
) -> list[_Raw]:
    """Field changes between consecutive versions of each row (`id`); `key` names the row
    in every entry even when it did not change."""
    last: dict[Any, dict[str, Any]] = {}
    raw = []
    for record in records:
        values = values_of(record)
        before = last.get(record.id)
        last[record.id] = values
        changes = []
        for name, value in values.items():
            if record.history_type == "-":
                if value not in EMPTY or name == key:
                    changes.append((name, value, None))
            elif record.history_type == "+" or before is None:
                if value not in EMPTY or name == key:
                    changes.append((name, None, value))
            elif before.get(name) != value or name == key:
                changes.append((name, before.get(name), value))
        if record.history_type == "~" and all(old == new for _n, old, new in changes):
            continue  # nothing shown here changed (e.g. only the timestamp)
        raw.append(_Raw(record, part, changes))
    return raw


def reason_label(reason: str) -> str:
    """The workflow's change reasons, in the reader's language; others as written."""
    known = {
        "created": _("created"),
        "submitted": _("submitted for approval"),
        "approved": _("approved"),
        "withdrawn": _("submission withdrawn"),
        "revision started": _("revision started"),
        "revision approved": _("revision approved: this version replaced the one before"),
    }
    if reason in known:
        return known[reason]
    if reason.startswith("returned: "):
        return _("returned: %(comment)s") % {"comment": reason.removeprefix("returned: ")}
    return reason


def program_history(program: ProgramOfStudy) -> list[HistoryEntry]:
    """Who changed what, when, newest first: the program's own fields, the postsecondary
    programs and credentials attached to it, its course sequence and its work-based
    learning. A fixed number of queries, however long the log."""
    from pathways.framework.models import SubCluster
    from pathways.framework.names import local_name
    from pathways.geography.models import District

    from .models import Credential, WorkBasedLearning

    records = list(program.history.select_related("history_user").order_by("history_date"))
    ids = [r.history_id for r in records]
    postsecondary = _m2m_ids(ids, "postsecondary_programs", "postsecondaryprogram")
    credentials = _m2m_ids(ids, "credentials", "credential")
    courses = list(
        ProgramCourse.history.filter(program_id=program.pk)
        .select_related("history_user")
        .order_by("history_date")
    )
    placements = list(
        WorkBasedLearning.history.filter(program_id=program.pk)
        .select_related("history_user")
        .order_by("history_date")
    )

    def program_values(record: Any) -> dict[str, Any]:
        values = {name: getattr(record, name) for name in PROGRAM_FIELDS[:-2]}
        values["postsecondary_programs"] = postsecondary[record.history_id]
        values["credentials"] = credentials[record.history_id]
        return values

    raw = [
        *_raw_entries(records, program_values, _("Program")),
        *_raw_entries(
            courses, lambda r: {n: getattr(r, n) for n in COURSE_FIELDS}, _("Courses"), "course_id"
        ),
        *_raw_entries(
            placements,
            lambda r: {n: getattr(r, n) for n in WBL_FIELDS},
            _("Work-based learning"),
            "kind",
        ),
    ]

    def used(*names: str) -> set[Any]:
        return {v for r in raw for n, *pair in r.changes if n in names for v in pair} - {None}

    subclusters = {
        pk: local_name(pk, name)
        for pk, name in SubCluster.objects.filter(
            pk__in=used("subcluster_id", "legacy_pathway_id")
        ).values_list("pk", "name")
    }
    all_ps = set().union(*used("postsecondary_programs"))
    all_cred = set().union(*used("credentials"))
    names: dict[str, dict[Any, str]] = {
        "district_id": dict(
            District.objects.filter(pk__in=used("district_id")).values_list("pk", "name")
        ),
        "subcluster_id": subclusters,
        "legacy_pathway_id": subclusters,
        "postsecondary_programs": {
            p.pk: str(p) for p in PostsecondaryProgram.objects.filter(pk__in=all_ps)
        },
        "credentials": dict(Credential.objects.filter(pk__in=all_cred).values_list("pk", "name")),
        "course_id": {c.pk: str(c) for c in Course.objects.filter(pk__in=used("course_id"))},
        "status": {k: str(v) for k, v in Status.choices},
        "kind": {k: str(v) for k, v in WorkBasedLearning.Kind.choices},
    }

    def show(name: str, value: Any) -> str:
        if value in (None, "") or value == frozenset():
            return "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, frozenset):
            return "; ".join(sorted(names[name].get(v, f"#{v}") for v in value))
        if name in names:
            return names[name].get(value, str(value))
        return str(value)

    labels = _labels()
    actions = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    entries = [
        HistoryEntry(
            when=r.record.history_date,
            user=r.record.history_user,
            part=r.part,
            action=actions[r.record.history_type],
            reason=reason_label(r.record.history_change_reason or ""),
            changes=[
                Change(labels.get(name, name), show(name, old), show(name, new))
                for name, old, new in r.changes
            ],
        )
        for r in raw
    ]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
