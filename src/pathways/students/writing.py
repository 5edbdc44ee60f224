"""Writing imported student records into the database, inside the import's transaction.

`RecordWriter` replaces a district-year's records as the import reads them: plain SQL rows,
in large executemany batches on SQLite and through one streaming COPY on PostgreSQL.
"""

from typing import TYPE_CHECKING, Any

from django.db import connection, models

from pathways.geography.models import School

from .layouts import Layout
from .models import SPECIAL_POPULATIONS, RecordUpload, StudentYear

if TYPE_CHECKING:
    from .changes import DistrictYear  # the type only: changes imports the layouts

BATCH = 20_000
DELETE_BATCH = 500
SCHOOLS = "schools"  # changes.SCHOOLS: replace only the schools in the file
STUDENT_YEAR_FIELDS = ("school", "grade_level", "sex", "race_ethnicity", *SPECIAL_POPULATIONS)


class RecordWriter:
    """Replaces district-years' records: clears each on first sight, then streams its rows
    into the table as plain SQL rows (a million model objects would take minutes)."""

    def __init__(self, layout: Layout, sha256: str, scope: str = "district_year"):
        self.layout = layout
        self.sha256 = sha256
        self.by_school = scope == SCHOOLS
        self.cleared: set[tuple[str, int, int]] = set()  # (district, year, school) replaced
        self.courses = layout.kind == RecordUpload.Kind.COURSES
        fields = ["student_id", layout.year_field, "district"]
        fields += (["school"] if self.courses else []) + list(layout.value_fields)
        self.table = _table(layout.model, fields)
        self.rows = _RowStream()
        self.school_ids: dict[tuple[str, str], int] = {}

    def start(self, group: "DistrictYear") -> None:
        if group.unchanged_by(self.sha256):
            return
        self.rows.pause()
        where = {"district_id": group.district_id, self.layout.year_field: group.year}
        if not self.by_school:  # by school: each school is cleared when first seen (add)
            self.layout.imported(**where).delete()
        if self.courses:
            if not self.by_school:
                StudentYear.objects.filter(**where).delete()
            for code, pk in School.objects.filter(district_id=group.district_id).values_list(
                "code", "pk"
            ):
                self.school_ids[(group.district_id, code)] = pk

    def add(
        self,
        group: "DistrictYear",
        student_id: str,
        attributes: tuple[Any, ...] | None,
        values: list[Any],
    ) -> None:
        if group.unchanged_by(self.sha256):
            return
        if self.courses:
            assert attributes is not None
            school = self._school_id(group.district_id, attributes[0])
            if self.by_school and (group.district_id, group.year, school) not in self.cleared:
                self._clear_school(group, school)
            self.rows.write(
                self.table, (student_id, group.year, group.district_id, school, *values)
            )
        else:
            self.rows.write(self.table, (student_id, group.year, group.district_id, *values))

    def _school_id(self, district_id: str, code: str) -> int:
        key = (district_id, code)
        found = self.school_ids.get(key)
        if found is None:
            self.rows.pause()
            found = School.objects.create(district_id=district_id, code=code).pk
            self.school_ids[key] = found
        return found

    def _clear_school(self, group: "DistrictYear", school: int) -> None:
        self.rows.pause()
        self.cleared.add((group.district_id, group.year, school))
        where = {"district_id": group.district_id, "school_year": group.year, "school": school}
        self.layout.imported(**where).delete()
        StudentYear.objects.filter(**where).delete()

    def finish(
        self,
        groups: "list[DistrictYear]",
        seen: dict[tuple[str, str, int], Any],
        school_names: dict[tuple[str, str], tuple[str, int]],
        file_name: str,
        uploaded_by: str,
    ) -> None:
        changed = {(g.district_id, g.year) for g in groups if not g.unchanged_by(self.sha256)}
        if self.courses:
            self._student_years(seen, changed)
        self.rows.pause()
        if self.courses:
            self._name_schools(school_names)
        for group in groups:
            if (group.district_id, group.year) in changed:
                RecordUpload.objects.update_or_create(
                    kind=self.layout.kind,
                    district_id=group.district_id,
                    school_year=group.year,
                    defaults={
                        "file_name": file_name[:255],
                        "sha256": self.sha256,
                        "rows": group.rows_after(SCHOOLS if self.by_school else ""),
                        "uploaded_by": uploaded_by,
                    },
                )

    def _student_years(self, seen: dict[tuple[str, str, int], Any], changed: set) -> None:
        table = _table(StudentYear, ["student_id", "school_year", "district", *STUDENT_YEAR_FIELDS])
        if self.by_school:
            self._clear_moved_students(seen, changed)
        for (student_id, district_id, year), entry in seen.items():
            if (district_id, year) in changed:
                school, *rest = entry.attributes
                school_id = self.school_ids[(district_id, school)]
                self.rows.write(table, (student_id, year, district_id, school_id, *rest))

    def _clear_moved_students(self, seen: dict[tuple[str, str, int], Any], changed: set) -> None:
        """A student of the file listed at another school that year moves to the file's."""
        self.rows.pause()
        by_group: dict[tuple[str, int], list[str]] = {}
        for student_id, district_id, year in seen:
            if (district_id, year) in changed:
                by_group.setdefault((district_id, year), []).append(student_id)
        for (district_id, year), students in by_group.items():
            for start in range(0, len(students), DELETE_BATCH):
                StudentYear.objects.filter(
                    district_id=district_id,
                    school_year=year,
                    student_id__in=students[start : start + DELETE_BATCH],
                ).delete()

    def _name_schools(self, school_names: dict[tuple[str, str], tuple[str, int]]) -> None:
        """Schools are upserted, never deleted: a name in the file renames the school."""
        for (district_id, code), (name, _row) in school_names.items():
            School.objects.filter(district_id=district_id, code=code).exclude(name=name).update(
                name=name
            )


class _RowStream:
    """Rows into tables, inside the import's transaction. On PostgreSQL one COPY stays open
    while the file is read, so the server stores rows while Python checks the next ones
    (executemany took minutes there); elsewhere executemany in large batches (SQLite is that
    fast in one transaction). Other statements must `pause()` it first."""

    def __init__(self) -> None:
        self.cursor = connection.cursor()
        self.copying = connection.vendor == "postgresql"
        self.table = ""
        self.batch: list[tuple[Any, ...]] = []
        self.copy: Any = None
        self.copy_context: Any = None

    def write(self, table: str, row: tuple[Any, ...]) -> None:
        if table != self.table:
            self.pause()
            self.table = table
        if not self.copying:
            self.batch.append(row)
            if len(self.batch) >= BATCH:
                self._insert_batch()
            return
        if self.copy is None:
            self.copy_context = self.cursor.cursor.copy(f"COPY {table} FROM STDIN")
            self.copy = self.copy_context.__enter__()
        self.copy.write_row(row)

    def pause(self, error: BaseException | None = None) -> None:
        """Finish the rows written so far (or, given an error, abandon the COPY)."""
        if self.copy_context is not None:
            context, self.copy_context, self.copy = self.copy_context, None, None
            context.__exit__(type(error) if error else None, error, None)
        if self.batch and error is None:
            self._insert_batch()
        self.table = ""

    def _insert_batch(self) -> None:
        marks = ", ".join(["%s"] * len(self.batch[0]))
        self.cursor.executemany(f"INSERT INTO {self.table} VALUES ({marks})", self.batch)
        self.batch = []


def _table(model: type[models.Model], field_names: list[str]) -> str:
    """`table (column, ...)`, quoted, for INSERT or COPY."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_column(meta.get_field(f))) for f in field_names)
    return f"{quote(meta.db_table)} ({columns})"


def _column(field: Any) -> str:
    assert isinstance(field, models.Field) and field.column
    return field.column
