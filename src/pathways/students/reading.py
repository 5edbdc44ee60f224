"""One pass over a file of student records: every row checked against its layout and
against the rows before it (the same student agrees with itself within a district-year),
every problem logged with row and column, good rows handed to the writer. Used by
`importing.import_file`."""

from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from pathways.core.spreadsheets import Reader, fit_to_header, wrong_width
from pathways.datasets.errors import ErrorLog
from pathways.geography.models import District

from . import layouts
from .changes import DistrictYear, ImportSummary, count_before
from .checks import Invalid, cross_checks
from .layouts import Layout
from .models import RecordUpload
from .writing import RecordWriter

ANY_DISTRICT = "*"
PROGRESS_ROWS = 10_000
Progress = Callable[[float, int], None]  # (share of the file read, rows read)


class _StudentYear:
    """What the file said about one student in one district-year, for later rows to agree."""

    __slots__ = ("attributes", "first_row", "items", "raw")

    def __init__(self, first_row: int, raw: tuple[str, ...], attributes: tuple[Any, ...] | None):
        self.first_row = first_row
        self.raw = raw
        self.attributes = attributes  # None when one of them was invalid (already reported)
        self.items: dict[tuple[Any, ...], int] = {}


class RecordReader:
    """One pass over a file: checks each row and hands good ones to the writer."""

    def __init__(
        self,
        layout: Layout,
        log: ErrorLog,
        allowed: str | None,
        summary: ImportSummary,
        writer: RecordWriter | None,
    ):
        self.layout = layout
        self.log = log
        self.allowed = allowed
        self.summary = summary
        self.writer = writer
        self.district_names = dict(District.objects.values_list("nces_id", "name"))
        self.checks = layouts.checks(layout, set(self.district_names))
        # Read up front: no query may run while rows stream into an open COPY.
        uploads = RecordUpload.objects.filter(kind=layout.kind)
        self.previous_uploads = {
            (district_id, year): sha256
            for district_id, year, sha256 in uploads.values_list(
                "district_id", "school_year", "sha256"
            )
        }
        self.seen: dict[tuple[str, str, int], _StudentYear] = {}
        self.groups: dict[tuple[str, int], DistrictYear] = {}
        self.school_names: dict[tuple[str, str], tuple[str, int]] = {}
        self.school_rows: set[tuple[Any, str, str]] = set()
        self.rows_read = 0

    def read(self, path: Path, progress: Progress | None = None) -> None:
        reader = Reader(path)
        rows = enumerate(layouts.cells(path, self.log, reader), start=1)
        header = next(rows, None)
        if header is None:
            if not self.log.problems:
                self.log.add(0, "", _("the file is empty"))
            return
        if not self._positions(header[1]):
            return
        width = len(header[1])
        lenient = path.suffix.lower() == ".xlsx"  # sheets end rows at their last value
        for number, cells in rows:
            if progress is not None and number % PROGRESS_ROWS == 0:
                progress(reader.fraction, number)
            if not any(cells):
                continue
            if not fit_to_header(cells, width, lenient=lenient):
                self.log.add(number, "", wrong_width(len(cells), width))
                continue
            cells.append("")  # what a column left out of the file reads as
            self._row(number, cells)
        if not self.rows_read and not self.log.problems:
            self.log.add(0, "", _("has no rows below the header"))

    def _positions(self, header: list[str]) -> bool:
        """Where each column is (left-out optional columns read the blank cell at the end)."""
        names = [h.lower().lstrip("\ufeff") for h in header]
        known = set(self.layout.columns)
        for number, column in enumerate(names):
            if column and column not in known:
                self.log.add(
                    1,
                    header[number],
                    _("is not a column of the %(kind)s layout") % {"kind": self.layout.kind},
                )
            elif column and names.index(column) != number:
                self.log.add(1, column, _("appears twice in the header"))
        missing = [c for c in self.layout.required if c not in names]
        for column in missing:
            self.log.add(1, column, _("column is missing from the header"))
        blank = len(names)
        self.position = {c: names.index(c) if c in names else blank for c in self.layout.columns}
        self.values = [(c, self.position[c], self.checks[c]) for c in self.layout.value_columns]
        positions = [self.position[c] for c in self.layout.student_columns]
        # itemgetter builds the tuple in C; it returns a bare value for a single position.
        self.student_cells: Callable[[list[str]], tuple[str, ...]] = (
            itemgetter(*positions) if len(positions) > 1 else lambda cells: ()
        )
        self.item_indexes = [self.layout.value_columns.index(c) for c in self.layout.item_columns]
        return not missing

    def _problem(self, number: int, column: str, message: str) -> None:
        self.log.add(number, column, message)

    def _row(self, number: int, cells: list[str]) -> None:
        before = len(self.log.problems)
        where = self.position
        district_id = self.checks["district_nces_id"](cells[where["district_nces_id"]])
        year_column = self.layout.year_column
        year = self.checks[year_column](cells[where[year_column]])
        if type(district_id) is Invalid:
            self._problem(number, "district_nces_id", district_id.message)
        elif self.allowed != ANY_DISTRICT and district_id != self.allowed:
            self._problem(number, "district_nces_id", self._foreign_district_message())
        if type(year) is Invalid:
            self._problem(number, year_column, year.message)
        values = []
        for column, position, check in self.values:
            text = cells[position]
            value = check.seen.get(text, check)  # the common case, without a call
            if value is check:
                value = check(text)
            if type(value) is Invalid:
                self._problem(number, column, value.message)
            values.append(value)
        for column, message in cross_checks(self.layout.kind, year, values):
            self._problem(number, column, message)
        entry = self._student_year(number, cells, district_id, year)
        if self.layout.other_columns:
            self._school_name(number, cells, district_id)
        if entry is not None:
            item = tuple(values[i] for i in self.item_indexes)
            first = entry.items.setdefault(item, number)
            if first != number:
                self._repeat(number, first)
        if len(self.log.problems) > before:
            return
        self.rows_read += 1
        group = self._group(district_id, year)
        group.rows += 1
        if self.layout.other_columns:  # course completions: counted by school too
            assert entry is not None and entry.attributes is not None
            group.school(entry.attributes[0]).rows += 1
        if self.writer is not None and not self.log.problems:
            assert entry is not None
            self.writer.add(group, cells[where["student_id"]], entry.attributes, values)

    def _student_year(
        self, number: int, cells: list[str], district_id: Any, year: Any
    ) -> _StudentYear | None:
        """The student's district-year seen so far; checks that this row agrees with it."""
        student_id = cells[self.position["student_id"]]
        raw = self.student_cells(cells)
        if type(district_id) is Invalid or type(year) is Invalid:
            self._student_id(number, student_id)
            self._attributes(number, raw)
            return None
        key = (student_id, district_id, year)
        entry = self.seen.get(key)
        if entry is None:
            if not self._student_id(number, student_id):
                self._attributes(number, raw)
                return None
            entry = self.seen[key] = _StudentYear(number, raw, self._attributes(number, raw))
        elif raw != entry.raw:
            self._disagreements(number, entry, self._attributes(number, raw))
        return entry

    def _student_id(self, number: int, text: str) -> bool:
        checked = self.checks["student_id"](text)
        if type(checked) is Invalid:
            self._problem(number, "student_id", checked.message)
            return False
        return True

    def _attributes(self, number: int, raw: tuple[str, ...]) -> tuple[Any, ...] | None:
        attributes = []
        valid = True
        for column, text in zip(self.layout.student_columns, raw, strict=True):
            value = self.checks[column](text)
            if type(value) is Invalid:
                self._problem(number, column, value.message)
                valid = False
            attributes.append(value)
        return tuple(attributes) if valid else None

    def _disagreements(
        self, number: int, entry: _StudentYear, attributes: tuple[Any, ...] | None
    ) -> None:
        if attributes is None or entry.attributes is None:
            return
        columns = self.layout.student_columns
        for index, (mine, theirs) in enumerate(zip(attributes, entry.attributes, strict=True)):
            if mine != theirs:
                self._problem(
                    number,
                    columns[index],
                    _(
                        "disagrees with row %(row)d for the same student and school year "
                        "('%(value)s', row %(row)d has '%(other)s')"
                    )
                    % {
                        "row": entry.first_row,
                        "value": entry_text(mine),
                        "other": entry_text(theirs),
                    },
                )

    def _school_name(self, number: int, cells: list[str], district_id: Any) -> None:
        """A school code names one school: its name must be the same on every row."""
        code_text = cells[self.position["school_code"]]
        name_text = cells[self.position["school_name"]]
        if (district_id, code_text, name_text) in self.school_rows:
            return  # found fine on an earlier row
        name = self.checks["school_name"](name_text)
        code = self.checks["school_code"](code_text)
        if type(name) is Invalid:
            self._problem(number, "school_name", name.message)
            return
        if name and type(code) is not Invalid and type(district_id) is not Invalid:
            first = self.school_names.setdefault((district_id, code), (name, number))
            if first[0] != name:
                self._problem(
                    number,
                    "school_name",
                    _("school %(code)s is named '%(name)s' on row %(row)d")
                    % {"code": code, "name": first[0], "row": first[1]},
                )
                return
        self.school_rows.add((district_id, code_text, name_text))

    def _repeat(self, number: int, first: int) -> None:
        columns = ", ".join((self.layout.year_column, *self.layout.item_columns))
        self._problem(
            number,
            "",
            _("repeats row %(row)d (same student, district and %(columns)s)")
            % {"row": first, "columns": columns},
        )

    def _foreign_district_message(self) -> str:
        own = self.district_names.get(self.allowed or "")
        if own:
            return _("you may import records of %(district)s only") % {"district": own}
        return _("you may not import records of this district")

    def _group(self, district_id: str, year: int) -> DistrictYear:
        group = self.groups.get((district_id, year))
        if group is None:
            group = self.groups[(district_id, year)] = DistrictYear(
                district_id,
                self.district_names[district_id],
                year,
                self.previous_uploads.get((district_id, year)),
            )
            if self.writer is not None:
                self.writer.rows.pause()  # no query while rows stream into a COPY
            count_before(self.layout, group)
            self.summary.district_years.append(group)
            if self.writer is not None:
                self.writer.start(group)
        return group

    def finish(self, *, uploaded_by: str) -> None:
        """Count students, and (unless checking) write what is left and the provenance."""
        for (_student, district_id, year), entry in self.seen.items():
            group = self.groups.get((district_id, year))
            if group is None:
                continue
            group.students += 1
            if self.layout.other_columns and entry.attributes is not None:
                school = group.school(entry.attributes[0])
                school.students += 1
                school.in_file = True
                school.name = self.school_names.get((district_id, school.code), (school.name,))[0]
        self.summary.district_years.sort(key=lambda d: (d.district_name, d.year))
        if self.writer is not None:
            self.writer.finish(
                self.summary.district_years,
                self.seen,
                self.school_names,
                self.summary.file,
                uploaded_by,
            )


def entry_text(value: Any) -> str:
    if value is True:
        return "Y"
    if value is False:
        return "N"
    return str(value)
