"""What an upload of student records changes: rows and students before and after, by
district, school year and school, and whether it shrinks a district-year enough to need
the uploader's explicit confirmation. Counts only, never student IDs."""

from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _

from pathways.geography.models import School

from .layouts import Layout
from .models import ImportJob, RecordUpload, StudentYear

DISTRICT_YEAR = ImportJob.Scope.DISTRICT_YEAR.value
SCHOOLS = ImportJob.Scope.SCHOOLS.value


@dataclass
class SchoolChange:
    code: str
    name: str = ""
    rows_before: int = 0
    students_before: int = 0
    rows: int = 0
    students: int = 0
    in_file: bool = False


@dataclass
class DistrictYear:
    """What an import did (or would do) to one district's school year."""

    district_id: str
    district_name: str
    year: int
    previous_sha256: str | None  # of the last upload of this kind, None if there was none
    rows: int = 0
    students: int = 0
    rows_before: int = 0
    students_before: int = 0
    schools: dict[str, SchoolChange] = field(default_factory=dict)

    def unchanged_by(self, sha256: str) -> bool:
        return self.previous_sha256 == sha256

    def school(self, code: str) -> SchoolChange:
        found = self.schools.get(code)
        if found is None:
            found = self.schools[code] = SchoolChange(code)
        return found

    def replaced(self, scope: str) -> tuple[int, int]:
        """Rows and students the upload replaces: the whole district-year, or its schools
        that are in the file."""
        if scope != SCHOOLS or not self.schools:
            return self.rows_before, self.students_before
        replaced = [s for s in self.schools.values() if s.in_file]
        return sum(s.rows_before for s in replaced), sum(s.students_before for s in replaced)

    def rows_after(self, scope: str) -> int:
        return self.rows_before - self.replaced(scope)[0] + self.rows

    def students_after(self, scope: str) -> int:
        return self.students_before - self.replaced(scope)[1] + self.students

    def shrink(self, scope: str) -> float:
        """The share of the replaced rows the upload takes away (0 when it adds)."""
        before = self.replaced(scope)[0]
        return max(before - self.rows, 0) / before if before else 0.0


@dataclass
class ImportSummary:
    """Counts per district and year (and school); never student IDs."""

    file: str
    kind: str
    sha256: str
    check: bool
    scope: str = DISTRICT_YEAR
    district_years: list[DistrictYear] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(d.rows for d in self.district_years)

    @property
    def changed(self) -> bool:
        return not self.check and any(not d.unchanged_by(self.sha256) for d in self.district_years)

    def shrinking(self) -> list[DistrictYear]:
        """District-years the upload shrinks by more than the confirmation threshold."""
        threshold = settings.PATHWAYS_UPLOAD_SHRINK_WARNING
        return [
            d
            for d in self.district_years
            if not d.unchanged_by(self.sha256) and d.shrink(self.scope) > threshold
        ]

    def outcome_code(self, district_year: DistrictYear) -> str:
        if district_year.unchanged_by(self.sha256):
            return "unchanged"
        return "new" if district_year.previous_sha256 is None else "replaced"

    def outcome(self, district_year: DistrictYear) -> str:
        code = self.outcome_code(district_year)
        if code == "unchanged":
            return _("unchanged")
        if code == "new":
            return _("would be loaded") if self.check else _("loaded")
        return _("would be replaced") if self.check else _("replaced")

    def as_dict(self) -> dict[str, Any]:
        """For the job page: JSON-ready, with the figures it shows worked out."""
        shrinking = {(d.district_id, d.year) for d in self.shrinking()}
        return {
            "file": self.file,
            "kind": self.kind,
            "check": self.check,
            "scope": self.scope,
            "rows": self.rows,
            "changed": self.changed,
            "shrinking": len(shrinking),
            "district_years": [
                {
                    **{k: v for k, v in asdict(d).items() if k != "schools"},
                    "outcome": self.outcome_code(d),
                    "rows_after": d.rows_after(self.scope),
                    "students_after": d.students_after(self.scope),
                    "shrink_percent": round(100 * d.shrink(self.scope)),
                    "shrinking": (d.district_id, d.year) in shrinking,
                    "schools": [
                        _school_dict(s, self.scope)
                        for s in sorted(d.schools.values(), key=lambda s: (s.name, s.code))
                    ],
                }
                for d in self.district_years
            ],
        }

    def __str__(self) -> str:
        kind = RecordUpload.Kind(self.kind).label
        head = _("%(file)s (%(kind)s): %(rows)s rows") % {
            "file": self.file,
            "kind": kind,
            "rows": f"{self.rows:,}",
        }
        if self.check:
            head += " " + _("(checked only; nothing was saved)")
        lines = [head]
        for item in self.district_years:
            lines.append(
                "  "
                + _(
                    "%(district)s, %(year)s: %(rows)s rows, %(students)s students, %(outcome)s"
                    " (before: %(before)s rows, %(students_before)s students)"
                )
                % {
                    "district": item.district_name,
                    "year": item.year,
                    "rows": f"{item.rows:,}",
                    "students": f"{item.students:,}",
                    "outcome": self.outcome(item),
                    "before": f"{item.rows_before:,}",
                    "students_before": f"{item.students_before:,}",
                }
            )
        return "\n".join(lines)


def _school_dict(school: SchoolChange, scope: str) -> dict[str, Any]:
    kept = scope == SCHOOLS and not school.in_file
    return {
        **asdict(school),
        "rows_after": school.rows_before if kept else school.rows,
        "students_after": school.students_before if kept else school.students,
        "kept": kept,
        "removed": not kept and not school.in_file,
    }


class ShrinkNotConfirmed(Exception):
    """The upload would shrink district-years beyond the threshold; nothing was saved."""

    def __init__(self, summary: ImportSummary):
        super().__init__(_("The upload removes many records and needs confirmation."))
        self.summary = summary


def count_before(layout: Layout, group: DistrictYear) -> None:
    """Fill in the group's rows and students now in the database, by school for courses."""
    where = {"district_id": group.district_id, layout.year_field: group.year}
    records = layout.imported(**where)
    if layout.kind != RecordUpload.Kind.COURSES:
        counts = records.aggregate(rows=Count("pk"), students=Count("student_id", distinct=True))
        group.rows_before, group.students_before = counts["rows"], counts["students"]
        return
    codes = dict(School.objects.filter(district_id=group.district_id).values_list("pk", "code"))
    names = dict(School.objects.filter(district_id=group.district_id).values_list("code", "name"))
    for school_id, rows in records.values_list("school_id").annotate(n=Count("*")):
        school = group.school(codes[school_id])
        school.rows_before = rows
        group.rows_before += rows
    students = StudentYear.objects.filter(**where).values_list("school_id").annotate(n=Count("*"))
    for school_id, count in students:
        school = group.school(codes[school_id])
        school.students_before = count
        group.students_before += count
    for code, school in group.schools.items():
        school.name = names.get(code, "")
