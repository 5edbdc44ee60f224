"""A program's audit log, in words: who changed what, when, and why.

django-simple-history keeps every version of a program, its course placements and its
work-based learning; each entry here is one version compared with the one before
(`diff_against`), with ids shown as names.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _

from .models import Course, PostsecondaryProgram, ProgramCourse, ProgramOfStudy

Status = ProgramOfStudy.Status


def may_view_history(user: Any, program: ProgramOfStudy) -> bool:
    """The audit log names staff: rule `programs.view_programofstudy_history`."""
    return bool(user.has_perm("programs.view_programofstudy_history", program))


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
