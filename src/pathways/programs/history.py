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


# Model field names (a foreign key's value is its id); the m2m ones are read in bulk.
PROGRAM_FIELDS = [
    "title",
    "description",
    "district",
    "subcluster",
    "legacy_pathway",
    "status",
    "review_comment",
    "is_demonstration",
]
PROGRAM_LINKS = ["postsecondary_programs", "credentials"]
COURSE_FIELDS = ["course", "position", "is_capstone"]
WBL_FIELDS = ["kind", "description", "partner"]
EMPTY: tuple[Any, ...] = (None, "", False, frozenset())
Values = dict[str, Any]


def _labels() -> dict[str, str]:
    return {
        "title": _("Title"),
        "description": _("Description"),
        "district": _("District"),
        "subcluster": _("2024 sub-cluster"),
        "legacy_pathway": _("Legacy pathway"),
        "status": _("Status"),
        "review_comment": _("Review comment"),
        "is_demonstration": _("Demonstration data"),
        "postsecondary_programs": _("Postsecondary programs"),
        "credentials": _("Credentials"),
        "course": _("Course"),
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


def _changed(record: Any, before: Any, fields: list[str]) -> list[tuple[str, Any, Any]]:
    """What changed from `before` to `record` (simple-history's `diff_against`), in the
    order of `fields`."""
    delta = record.diff_against(before, included_fields=fields)
    order = {name: n for n, name in enumerate(fields)}
    found = sorted(delta.changes, key=lambda change: order[change.field])
    return [(change.field, change.old, change.new) for change in found]


def _raw_entries(
    records: list[Any],
    part: str,
    fields: list[str],
    key: str | None = None,
    links: Any = None,
) -> list[_Raw]:
    """Each version of each row (`id`) against the one before; a created or deleted row
    shows its non-empty values. `key` names the row in every entry even when it did not
    change; `links(record)` gives many-to-many values, read in bulk beforehand (simple-
    history's own m2m diff would cost queries for every version)."""
    last: dict[Any, Any] = {}
    raw = []
    for record in records:
        before = last.get(record.id)
        last[record.id] = record
        extra: Values = links(record) if links else {}
        if record.history_type == "~" and before is not None:
            changes = _changed(record, before, fields)
            old_extra: Values = links(before) if links else {}
            changes += [(n, old_extra[n], v) for n, v in extra.items() if old_extra[n] != v]
            if not changes:
                continue  # nothing shown here changed (e.g. only the timestamp)
            if key and key not in {name for name, _old, _new in changes}:
                value = record.serializable_value(key)
                changes.insert(0, (key, value, value))
            raw.append(_Raw(record, part, changes))
            continue
        values = {name: record.serializable_value(name) for name in fields} | extra
        shown = [(n, v) for n, v in values.items() if v not in EMPTY or n == key]
        if record.history_type == "-":
            raw.append(_Raw(record, part, [(n, v, None) for n, v in shown]))
        else:
            raw.append(_Raw(record, part, [(n, None, v) for n, v in shown]))
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

    def links(record: Any) -> Values:
        return {
            "postsecondary_programs": postsecondary[record.history_id],
            "credentials": credentials[record.history_id],
        }

    raw = [
        *_raw_entries(records, _("Program"), PROGRAM_FIELDS, links=links),
        *_raw_entries(courses, _("Courses"), COURSE_FIELDS, "course"),
        *_raw_entries(placements, _("Work-based learning"), WBL_FIELDS, "kind"),
    ]

    def used(*names: str) -> set[Any]:
        return {v for r in raw for n, *pair in r.changes if n in names for v in pair} - {None}

    subclusters = {
        pk: local_name(pk, name)
        for pk, name in SubCluster.objects.filter(
            pk__in=used("subcluster", "legacy_pathway")
        ).values_list("pk", "name")
    }
    all_ps = set().union(*used("postsecondary_programs"))
    all_cred = set().union(*used("credentials"))
    names: dict[str, dict[Any, str]] = {
        "district": dict(
            District.objects.filter(pk__in=used("district")).values_list("pk", "name")
        ),
        "subcluster": subclusters,
        "legacy_pathway": subclusters,
        "postsecondary_programs": {
            p.pk: str(p) for p in PostsecondaryProgram.objects.filter(pk__in=all_ps)
        },
        "credentials": dict(Credential.objects.filter(pk__in=all_cred).values_list("pk", "name")),
        "course": {c.pk: str(c) for c in Course.objects.filter(pk__in=used("course"))},
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
