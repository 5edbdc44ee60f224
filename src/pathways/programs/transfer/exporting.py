"""Export programs of study in the import layout (docs/programs-layout.md), as CSV or XLSX.

What one exports can be imported again unchanged: the same columns, one row per course,
program columns repeated on every row of the program.
"""

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO, TextIO

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from pathways.core.spreadsheets import CsvWriter, XlsxWriter
from pathways.framework.models import Cluster, SubCluster
from pathways.geography.models import District

from ..models import ProgramCourse, ProgramOfStudy, ProgramQuerySet
from ..reach import in_cluster
from .layout import COLUMNS, SHEET_NAME

COLUMN_WIDTHS = {
    "program_title": 36,
    "subcluster_code": 40,
    "legacy_pathway_code": 40,
    "program_description": 50,
    "course_title": 36,
    "credentials": 40,
    "postsecondary": 60,
    "work_based_learning": 50,
}


class BadFilter(ValueError):
    """A filter value that names nothing; the message is for the reader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ExportFilters:
    district: str = ""  # NCES LEA ID
    cluster: str = ""  # a cluster or sub-cluster code of either framework
    status: str = ""  # draft, submitted, approved, returned

    def is_empty(self) -> bool:
        return not (self.district or self.cluster or self.status)

    def slug(self) -> str:
        parts = [p for p in (self.district, self.cluster, self.status) if p]
        return "-".join(["programs", *parts])


def programs_for_export(user: Any, filters: ExportFilters) -> ProgramQuerySet:
    """The programs the user may see (all when `user` is None: the console), filtered.

    BadFilter names an unknown district, cluster or status."""
    programs = (
        ProgramOfStudy.objects.all() if user is None else ProgramOfStudy.objects.visible_to(user)
    )
    district = filters.district.strip()
    if district:
        if not District.objects.filter(nces_id=district).exists():
            raise BadFilter(_("Unknown school district '%(value)s'.") % {"value": district})
        programs = programs.filter(district_id=district)
    cluster = filters.cluster.strip()
    if cluster:
        if Cluster.objects.filter(code=cluster).exists():
            programs = programs.filter(in_cluster(cluster))
        elif SubCluster.objects.filter(code=cluster).exists():
            programs = programs.filter(Q(subcluster_id=cluster) | Q(legacy_pathway_id=cluster))
        else:
            raise BadFilter(_("Unknown cluster or sub-cluster '%(value)s'.") % {"value": cluster})
    status = filters.status.strip()
    if status:
        if status not in ProgramOfStudy.Status.values:
            raise BadFilter(
                _("Unknown status '%(value)s' (one of %(allowed)s).")
                % {"value": status, "allowed": ", ".join(ProgramOfStudy.Status.values)}
            )
        programs = programs.filter(status=status)
    sequence = ProgramCourse.objects.select_related("course").order_by("position")
    return (
        programs.select_related("district")
        .prefetch_related(
            Prefetch("sequence", queryset=sequence),
            "credentials",
            "postsecondary_programs",
            "work_based_learning",
        )
        .order_by("district_id", "title")
    )


def program_rows(programs: Iterable[ProgramOfStudy]) -> Iterator[list[Any]]:
    """The layout's rows (without the header): one per course, in sequence order.

    A program without courses gets one row with the course columns empty, so it is not
    lost (importing it back reports that it has no courses)."""
    for program in programs:
        shared = {
            "district_nces_id": program.district_id,
            "program_title": program.title,
            "subcluster_code": program.subcluster_id,
            "legacy_pathway_code": program.legacy_pathway_id or "",
            "program_description": program.description,
            "credentials": "; ".join(sorted(c.name for c in program.credentials.all())),
            "postsecondary": "; ".join(
                sorted(
                    f"{p.institution} | {p.title} | {p.cip_code}"
                    for p in program.postsecondary_programs.all()
                )
            ),
            "work_based_learning": "; ".join(
                sorted(
                    f"{w.kind}: {w.description}" if w.description else w.kind
                    for w in program.work_based_learning.all()
                )
            ),
        }
        placements = list(program.sequence.all())
        if not placements:
            yield [shared.get(column, "") for column in COLUMNS]
        for placement in placements:
            course = placement.course
            values = {
                **shared,
                "position": placement.position,
                "course_code": course.state_code,
                "course_title": course.title,
                "credits": Decimal(course.credits).quantize(Decimal("0.1")),
                "grade_min": course.grade_min,
                "grade_max": course.grade_max,
                "is_capstone": "yes" if placement.is_capstone else "no",
            }
            yield [values[column] for column in COLUMNS]


def write_csv(programs: Iterable[ProgramOfStudy], out: TextIO) -> int:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents. Returns rows."""
    writer = CsvWriter(out, byte_order_mark=True)
    writer.row(COLUMNS)
    for row in program_rows(programs):
        writer.row(row)
    return writer.rows - 1


def write_xlsx(programs: Iterable[ProgramOfStudy], out: BinaryIO) -> int:
    """One sheet named "Programs", header in bold and frozen. Returns rows."""
    writer = XlsxWriter()
    writer.sheet(SHEET_NAME, widths=[COLUMN_WIDTHS.get(column, 14) for column in COLUMNS])
    writer.row(COLUMNS, bold=True)
    count = 0
    for row in program_rows(programs):
        writer.row(row)
        count += 1
    writer.save(out)
    return count


def export_bytes(programs: Iterable[ProgramOfStudy], fmt: str) -> bytes:
    """The whole file in memory (programs are a few thousand rows at most)."""
    if fmt == "csv":
        text = io.StringIO()
        write_csv(programs, text)
        return text.getvalue().encode("utf-8")
    if fmt == "xlsx":
        binary = io.BytesIO()
        write_xlsx(programs, binary)
        return binary.getvalue()
    raise BadFilter(_("Unknown format '%(value)s' (csv or xlsx).") % {"value": fmt})
