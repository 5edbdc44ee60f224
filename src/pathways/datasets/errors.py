"""Errors a person can act on: which file, which row, which column, what is wrong."""

from dataclasses import dataclass, field
from pathlib import Path

MAX_PROBLEMS_SHOWN = 50


class DataError(Exception):
    """A problem with data or its retrieval, reported without a traceback."""


class FetchError(DataError):
    """A file could not be obtained (network, missing mirror file, wrong checksum)."""


@dataclass(frozen=True)
class RowProblem:
    file: str
    row: int  # 1-based line or sheet row as a spreadsheet shows it; 0 = the whole file
    column: str
    problem: str

    def __str__(self) -> str:
        where = self.file if self.row == 0 else f"{self.file}, row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.problem}"


class ImportValidationError(DataError):
    """A file failed validation; nothing was written."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        tail = f"\n  ... and {more} more problems" if more > 0 else ""
        super().__init__(f"{len(problems)} problem(s); nothing was loaded:\n{shown}{tail}")

    def rows(self) -> list[list[int | str]]:
        """The problems as [row, column, problem] lists (for a page, a job or a CSV)."""
        return [[p.row, p.column, p.problem] for p in self.problems]


@dataclass
class ErrorLog:
    """Collects every problem in one file so all of them are reported together."""

    file: str
    problems: list[RowProblem] = field(default_factory=list)

    @classmethod
    def for_path(cls, path: Path) -> "ErrorLog":
        return cls(file=path.name.removesuffix(".gz"))

    def add(self, row: int, column: str, problem: str) -> None:
        self.problems.append(RowProblem(self.file, row, column, problem))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ImportValidationError(self.problems)
