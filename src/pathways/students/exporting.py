"""The status report and the Perkins V indicators as CSV or XLSX, suppression marked.

A suppressed count is written as "*", and every table ends with notes: what "*" means, the
minimum cell size, the definitions and the source of the data. Nothing here can name a
student: the reports hold counts only.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

from django.conf import settings
from django.utils.translation import gettext as _

from pathways.core.spreadsheets import CsvWriter, XlsxWriter

from .indicators import IndicatorReport, IndicatorRow, indicators
from .progress import school_year_label
from .report_tables import Cell
from .reports import StatusReport

SUPPRESSED = "*"
Exportable = StatusReport | IndicatorReport | Sequence[IndicatorRow]
Content = Exportable | Sequence[StatusReport | IndicatorReport]


@dataclass
class Table:
    """One report laid out for a file: a title, a header, rows and notes under them."""

    title: str
    sheet: str  # an XLSX sheet name, at most 31 characters
    header: list[str]
    rows: list[list[Any]]
    notes: list[str]


def count_value(cell: Cell) -> int | str:
    if cell.suppressed:
        return SUPPRESSED
    return "" if cell.count is None else cell.count


def suppression_note(minimum: int) -> str:
    return _(
        "* Suppressed to protect students' privacy: counts from 1 to %(largest)s are hidden, "
        "and so are other counts that would let a hidden one be worked out from the totals."
    ) % {"largest": minimum - 1}


def status_table(report: StatusReport) -> Table:
    year = school_year_label(report.year)
    rows = [
        [
            year,
            row.group_by,
            row.group_key,
            row.group_label,
            row.subgroup_label,
            count_value(row.participants),
            count_value(row.concentrators),
            count_value(row.completers),
        ]
        for row in report.rows
    ]
    notes = [suppression_note(report.minimum)]
    if report.group_by in ("cluster", "legacy_cluster", "program"):
        notes.append(
            _(
                "A student counts in every cluster or program they have the status in, "
                "so these rows do not add up to a total."
            )
        )
    notes += [
        _(
            "Students enrolled in the school year who reached the status in any program of "
            "study by the end of that year; each student counts once per row."
        ),
        _("Source: %(source)s") % {"source": report.source},
    ]
    return Table(
        title=_("CTE participants, concentrators and completers, %(year)s") % {"year": year},
        sheet=_("CTE status")[:31],
        header=[
            _("School year"),
            _("Level"),
            _("Code"),
            _("Group"),
            _("Subgroup"),
            _("Participants"),
            _("Concentrators"),
            _("Completers"),
        ],
        rows=rows,
        notes=notes,
    )


def indicator_table(rows: Sequence[IndicatorRow]) -> Table:
    year = getattr(rows, "year", None)  # an IndicatorReport knows its year and source
    minimum = getattr(rows, "minimum", settings.PATHWAYS_MIN_CELL)
    low, high = settings.PATHWAYS_RATE_BOUNDS
    body = [
        [
            school_year_label(year) if year else "",
            row.code,
            row.name,
            row.group_by,
            row.group_key,
            row.group_label,
            row.subgroup_label,
            count_value(row.numerator),
            count_value(row.denominator),
            row.rate.display,
            row.note,
        ]
        for row in rows
    ]
    notes = [
        suppression_note(minimum),
        _(
            "Rates are hidden (*) when either count is hidden or the denominator is under "
            "%(minimum)s students, and are shown only as more than %(high)s%% or fewer than "
            "%(low)s%% beyond those bounds."
        )
        % {"minimum": minimum, "high": f"{high:g}", "low": f"{low:g}"},
        *(f"{indicator.code}: {indicator.definition}" for indicator in indicators()),
    ]
    source = getattr(rows, "source", "")
    if source:
        notes.append(_("Source: %(source)s") % {"source": source})
    title = _("Perkins V secondary indicators")
    return Table(
        title=f"{title}, {school_year_label(year)}" if year else title,
        sheet=_("Perkins V indicators")[:31],
        header=[
            _("School year"),
            _("Indicator"),
            _("Name"),
            _("Level"),
            _("Code"),
            _("Group"),
            _("Subgroup"),
            _("Numerator"),
            _("Denominator"),
            _("Rate"),
            _("Note"),
        ],
        rows=body,
        notes=notes,
    )


def not_for_publication() -> str:
    return _(
        "NOT FOR PUBLICATION: exact counts, not suppressed, for the state's federal "
        "reporting only. Do not share or publish this file."
    )


def tables_of(content: Content, *, exact: bool = False) -> list[Table]:
    """A status report, indicator rows, or a sequence of reports, as tables; `exact` marks
    each as not for publication, in place of the suppression note."""
    tables = _tables_of(content)
    if exact:
        for table in tables:
            table.title = f"{not_for_publication()} {table.title}"
            table.notes = [not_for_publication(), *table.notes[1:]]
    return tables


def _tables_of(content: Content) -> list[Table]:
    if isinstance(content, IndicatorReport):
        return [indicator_table(content)]
    items: list[Any] = [content] if isinstance(content, StatusReport) else list(content)
    if all(isinstance(item, IndicatorRow) for item in items):
        return [indicator_table(items)]
    return [
        status_table(item) if isinstance(item, StatusReport) else indicator_table(item)
        for item in items
    ]


def write_csv(content: Content, out: TextIO, *, exact: bool = False) -> int:
    """Each table as a title line, header, rows, a blank line and its notes. Returns the
    number of data rows. No byte-order mark: the caller adds one for a file."""
    writer = CsvWriter(out)
    count = 0
    for index, table in enumerate(tables_of(content, exact=exact)):
        if index:
            writer.row([])
        writer.row([table.title])
        writer.row(table.header)
        for row in table.rows:
            writer.row(row)
            count += 1
        writer.row([])
        for note in table.notes:
            writer.row([note])
    return count


def write_xlsx(content: Content, out: BinaryIO, *, exact: bool = False) -> int:
    """One sheet per table: title, bold header (frozen), rows, then the notes."""
    writer = XlsxWriter()
    count = 0
    for table in tables_of(content, exact=exact):
        writer.sheet(table.sheet, frozen_rows=2, widths=[None, None, None, 36])
        writer.row([table.title], bold=True)
        writer.row(table.header, bold=True)
        for row in table.rows:
            writer.row(row)
            count += 1
        writer.row([])
        for note in table.notes:
            writer.row([note])
    writer.save(out)
    return count


def file_bytes(content: Content, fmt: str, *, exact: bool = False) -> tuple[bytes, int]:
    """The whole file ("csv" or "xlsx") and its number of data rows. The CSV starts with a
    byte-order mark, so spreadsheet programs read it as UTF-8 (accents in names)."""
    if fmt == "xlsx":
        binary = io.BytesIO()
        rows = write_xlsx(content, binary, exact=exact)
        return binary.getvalue(), rows
    text = io.StringIO()
    rows = write_csv(content, text, exact=exact)
    return ("\ufeff" + text.getvalue()).encode("utf-8"), rows
