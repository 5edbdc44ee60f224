"""Writing checked programs, all or nothing in one transaction: new programs in a few bulk
inserts, changed ones updated in place so the audit log shows what changed, unchanged ones
left alone. The shared catalogue comes first (catalogue.py)."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from pathways.core.cache import bump_content_version
from pathways.datasets.errors import ErrorLog, ImportValidationError, RowProblem
from pathways.geography.models import District

from ..models import Course, ProgramCourse, ProgramOfStudy, WorkBasedLearning
from ..sequence import move_placements
from ..signals import refresh_status
from .catalogue import Catalogue, attributed
from .layout import ImportSummary, ProgramChange, ProgramSpec, postsecondary_key


def apply_programs(
    programs: list[ProgramSpec],
    *,
    user: Any = None,
    status: str | None = None,
    check: bool = False,
    demonstration: bool | None = None,
) -> ImportSummary:
    """Write programs (already checked) in one transaction; ImportValidationError if any
    change is refused, and then nothing is written. With `user=None` (the demonstration
    catalogue) no rights are checked. `check` works out the same summary, then rolls back."""
    file = programs[0].file if programs else ""
    summary = ImportSummary(file=file, check=check)
    summary.rows = sum(len(p.rows) for p in programs)
    log = ErrorLog(file=file)
    try:
        with transaction.atomic():
            _Writer(summary, log, user, status, demonstration).write(programs)
            log.raise_if_any()
            refresh_status(
                programs=ProgramOfStudy.objects.filter(
                    district_id__in={p.district_id for p in programs}
                ).values_list("pk", flat=True)
            )
            bump_content_version()  # bulk writes send no signals
            if check:
                transaction.set_rollback(True)
    except IntegrityError as exc:
        problem = _("the database refused the change: %(error)s") % {"error": exc}
        raise ImportValidationError([RowProblem(file, 0, "", problem)]) from exc
    return summary


class _Writer:
    """Writes the programs; the audit log gets one complete record per program created or
    changed (its links included), and one per course placement, work-based learning
    entry and catalogue course created, changed or deleted."""

    def __init__(
        self,
        summary: ImportSummary,
        log: ErrorLog,
        user: Any,
        status: str | None,
        demonstration: bool | None,
    ) -> None:
        self.summary = summary
        self.log = log
        # Who the audit log names (None: no one, e.g. the demonstration catalogue) ...
        self.user = user if user is not None and getattr(user, "pk", None) else None
        # ... and whose rights are checked (None: no checks).
        self.checked: Any = user
        self.status = status
        self.demonstration = demonstration
        self.catalogue = Catalogue(summary, log, self.user, self.checked)
        self.districts = dict(District.objects.values_list("nces_id", "name"))
        self.new_placements: list[ProgramCourse] = []
        self.new_work_based_learning: list[WorkBasedLearning] = []
        self.new_programs: list[tuple[ProgramOfStudy, _Wanted, ProgramSpec]] = []
        self.updated_programs: list[ProgramOfStudy] = []

    def write(self, programs: list[ProgramSpec]) -> None:
        courses = self.catalogue.courses(programs)
        credentials = self.catalogue.credentials(programs)
        postsecondary = self.catalogue.postsecondary(programs)
        existing = {
            (p.district_id, p.title): p
            for p in ProgramOfStudy.objects.filter(
                district_id__in={p.district_id for p in programs},
                title__in={p.title for p in programs},
                revision_of__isnull=True,  # a revision is edited in the editor, not by import
            ).prefetch_related(
                "sequence", "credentials", "postsecondary_programs", "work_based_learning"
            )
        }
        for spec in programs:
            wanted = _Wanted(
                spec,
                [courses[c.code] for c in spec.courses],
                {credentials[n.casefold()] for n in spec.credentials},
                {postsecondary[postsecondary_key(p)] for p in spec.postsecondary},
            )
            program = existing.get((spec.district_id, spec.title))
            if program is None:
                self._create(spec, wanted)
            else:
                self._update(program, spec, wanted)
        if self.log.problems:
            return
        self._create_programs()
        bulk_create_with_history(self.new_placements, ProgramCourse, default_user=self.user)
        bulk_create_with_history(
            self.new_work_based_learning, WorkBasedLearning, default_user=self.user
        )
        for program in self.updated_programs:
            # Saved without an audit record while its links changed; now that the program
            # is complete, one record (with its credentials and postsecondary programs).
            del program.skip_history_when_saving  # type: ignore[attr-defined]
            self._attach_user(program)
            post_save.send(
                sender=ProgramOfStudy,
                instance=program,
                created=False,
                update_fields=None,
                raw=False,
                using=program._state.db,
            )

    def _create_programs(self) -> None:
        """New programs, their links and their audit records, in a few bulk inserts: the
        same rows `save()` and `.set()` would write, one "+" record per program (SQLite
        3.35+ and PostgreSQL return the new keys)."""
        programs = [program for program, _wanted, _spec in self.new_programs]
        ProgramOfStudy.objects.bulk_create(programs)
        links: dict[str, list[Any]] = {}
        for name, attr in (
            ("credentials", "credentials"),
            ("postsecondary_programs", "postsecondary"),
        ):
            through = getattr(ProgramOfStudy, name).through
            target = next(
                f.attname
                for f in through._meta.fields
                if f.is_relation and f.related_model is not ProgramOfStudy
            )
            links[name] = through.objects.bulk_create(
                through(programofstudy_id=program.pk, **{target: pk})
                for program, wanted, _spec in self.new_programs
                for pk in sorted(getattr(wanted, attr))
            )
        records = ProgramOfStudy.history.bulk_history_create(programs, default_user=self.user)
        by_program = {record.id: record for record in records}
        for name, rows in links.items():
            snapshot = apps.get_model("programs", f"HistoricalProgramOfStudy_{name}")
            columns = [f.attname for f in getattr(ProgramOfStudy, name).through._meta.fields]
            snapshot.objects.bulk_create(
                snapshot(
                    history=by_program[row.programofstudy_id],
                    **{c: getattr(row, c) for c in columns},
                )
                for row in rows
            )
        for program, wanted, spec in self.new_programs:
            self.new_placements.extend(
                ProgramCourse(
                    program=program, course_id=course_id, position=position, is_capstone=cap
                )
                for position, course_id, cap in wanted.sequence
            )
            self.new_work_based_learning.extend(
                WorkBasedLearning(program=program, kind=w.kind, description=w.description)
                for w in spec.work_based_learning
            )

    def _label(self, spec: ProgramSpec) -> ProgramChange:
        return ProgramChange(self.districts.get(spec.district_id, spec.district_id), spec.title)

    def _attach_user(self, obj: Any) -> Any:
        return attributed(obj, self.user)

    # Programs ---------------------------------------------------------------------------

    def _create(self, spec: ProgramSpec, wanted: "_Wanted") -> None:
        if self.checked is not None:
            candidate = ProgramOfStudy(
                district_id=spec.district_id, status=ProgramOfStudy.Status.DRAFT
            )
            if not self.checked.has_perm(
                "programs.add_programofstudy"
            ) or not self.checked.has_perm("programs.change_programofstudy", candidate):
                self.log.add(
                    spec.first_row,
                    "program_title",
                    _("you may not add programs to this district"),
                )
                return
        program = ProgramOfStudy(
            district_id=spec.district_id,
            title=spec.title,
            description=spec.description,
            subcluster_id=spec.subcluster_code,
            legacy_pathway_id=spec.legacy_pathway_code or None,
            status=self.status or ProgramOfStudy.Status.DRAFT,
            is_demonstration=bool(self.demonstration),
        )
        self.new_programs.append((program, wanted, spec))
        self.summary.created.append(self._label(spec))

    def _update(self, program: ProgramOfStudy, spec: ProgramSpec, wanted: "_Wanted") -> None:
        fields: dict[str, Any] = {
            "description": spec.description,
            "subcluster_id": spec.subcluster_code,
            "legacy_pathway_id": spec.legacy_pathway_code or None,
        }
        if self.demonstration is not None:
            fields["is_demonstration"] = self.demonstration
        changed_fields = [k for k, v in fields.items() if getattr(program, k) != v]
        placements = list(program.sequence.all())
        sequence = sorted((pc.position, pc.course_id, pc.is_capstone) for pc in placements)
        sequence_changed = sequence != wanted.sequence
        credentials = {c.pk for c in program.credentials.all()}
        postsecondary = {p.pk for p in program.postsecondary_programs.all()}
        existing_wbl = list(program.work_based_learning.all())
        wbl_changed = Counter((w.kind, w.description) for w in existing_wbl) != Counter(
            (w.kind, w.description) for w in spec.work_based_learning
        )
        content_changed = bool(
            changed_fields
            or sequence_changed
            or credentials != wanted.credentials
            or postsecondary != wanted.postsecondary
            or wbl_changed
        )
        new_status = self.status or (
            ProgramOfStudy.Status.DRAFT if content_changed else program.status
        )
        if not content_changed and new_status == program.status:
            self.summary.unchanged.append(self._label(spec))
            return
        if self.checked is not None and not self.checked.has_perm(
            "programs.change_programofstudy", program
        ):
            self.log.add(
                spec.first_row,
                "program_title",
                _(
                    "'%(title)s' is %(status)s and differs from this file; only draft or "
                    "returned programs can be changed by import"
                )
                % {"title": program.title, "status": program.get_status_display()},
            )
            return
        for name, value in fields.items():
            setattr(program, name, value)
        program.status = new_status
        program.skip_history_when_saving = True  # type: ignore[attr-defined]
        program.save()
        if sequence_changed:
            self._replace_sequence(program, placements, wanted)
        if credentials != wanted.credentials:
            program.credentials.set(wanted.credentials)
        if postsecondary != wanted.postsecondary:
            program.postsecondary_programs.set(wanted.postsecondary)
        if wbl_changed:
            self._replace_work_based_learning(program, spec, existing_wbl)
        self.updated_programs.append(program)
        self.summary.updated.append(self._label(spec))

    def _replace_sequence(
        self, program: ProgramOfStudy, placements: list[ProgramCourse], wanted: "_Wanted"
    ) -> None:
        """Placements that stay are kept, moved ones updated, the rest deleted or added, so
        the audit log shows what changed."""
        target = {course_id: (position, cap) for position, course_id, cap in wanted.sequence}
        moved = []
        for placement in placements:
            if placement.course_id not in target:
                self._attach_user(placement).delete()
            elif (placement.position, placement.is_capstone) != target[placement.course_id]:
                moved.append(placement)
        move_placements(moved, target, self.user)
        kept = {pc.course_id for pc in placements}
        self.new_placements.extend(
            ProgramCourse(program=program, course_id=course_id, position=position, is_capstone=cap)
            for course_id, (position, cap) in target.items()
            if course_id not in kept
        )

    def _replace_work_based_learning(
        self, program: ProgramOfStudy, spec: ProgramSpec, existing: list[WorkBasedLearning]
    ) -> None:
        """Keep entries that match (their partner stays), delete the rest, add the new."""
        wanted = Counter((w.kind, w.description) for w in spec.work_based_learning)
        for entry in existing:
            key = (entry.kind, entry.description)
            if wanted[key] > 0:
                wanted[key] -= 1
            else:
                self._attach_user(entry).delete()
        for (kind, description), count in sorted(wanted.items()):
            self.new_work_based_learning.extend(
                WorkBasedLearning(program=program, kind=kind, description=description)
                for _i in range(count)
            )


@dataclass
class _Wanted:
    spec: ProgramSpec
    courses: list[Course]
    credentials: set[int]
    postsecondary: set[int]

    @property
    def sequence(self) -> list[tuple[int, int, bool]]:
        return sorted(
            (line.position, course.pk, line.is_capstone)
            for line, course in zip(self.spec.courses, self.courses, strict=True)
        )
