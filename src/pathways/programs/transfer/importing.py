"""Importing a programs file: `parse_programs` reads and checks every row and reports every
problem with file, row and column; `import_programs` writes parsed programs all or nothing,
in one transaction; `import_file` does both and also checks what the user may import, so one
report lists every problem. Re-importing the same file changes nothing.
"""

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from pathways.datasets.errors import ErrorLog

from .checks import check_courses, check_districts, check_may_import, check_title_case, program_of
from .layout import ImportSummary, ProgramSpec
from .reading import Line, Lookups, read_line, rows_of
from .writing import apply_programs


def parse_programs(path: Path, *, file_name: str | None = None) -> list[ProgramSpec]:
    """Every program in a .csv or .xlsx file, or ImportValidationError listing every problem.

    `file_name` is the name problems are reported under (an upload's original name)."""
    log = ErrorLog(file=file_name or path.name)
    programs = _parse(path, log)
    _raise_sorted(log)
    return programs


def import_file(
    path: Path,
    user: Any,
    *,
    file_name: str | None = None,
    status: str | None = None,
    check: bool = False,
) -> ImportSummary:
    """Parse, check the user's rights row by row and import, reporting all problems at once."""
    check_may_import(user, status)
    log = ErrorLog(file=file_name or path.name)
    programs = _parse(path, log)
    check_districts(programs, user, log)
    _raise_sorted(log)
    return import_programs(programs, user, status=status, check=check)


def import_programs(
    programs: list[ProgramSpec],
    user: Any,
    *,
    status: str | None = None,
    check: bool = False,
) -> ImportSummary:
    """Write parsed programs in one transaction: all of them, or none and a list of problems.

    New and changed programs become drafts; a state administrator may pass
    `status="approved"`. Programs whose content is unchanged are left as they are (unless
    a status is given), so importing the same file twice changes nothing."""
    check_may_import(user, status)
    log = ErrorLog(file=programs[0].file if programs else "")
    check_districts(programs, user, log)
    log.raise_if_any()
    return apply_programs(programs, user=user, status=status, check=check)


def _raise_sorted(log: ErrorLog) -> None:
    """Problems in file order: whole-file problems, then by row (columns as found)."""
    log.problems.sort(key=lambda problem: problem.row)
    log.raise_if_any()


def _parse(path: Path, log: ErrorLog) -> list[ProgramSpec]:
    lookups = Lookups()
    lines = [read_line(row, lookups) for row in rows_of(path, log)]
    if not lines and not log.problems:
        log.add(0, "", _("has no rows of programs below the header"))
    groups: dict[tuple[str, str], list[Line]] = {}
    for line in lines:
        if line.district_id and line.title:
            groups.setdefault((line.district_id, line.title), []).append(line)
    check_title_case(groups)
    programs = [program_of(log.file, key, group) for key, group in groups.items()]
    check_courses(lines)
    return programs
