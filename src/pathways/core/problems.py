"""Problems found in an uploaded file, grouped for reading: a file with the same mistake on
20,000 rows shows one line with its count and the first rows, and a CSV lists them all."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

FIRST_ROWS = 5


@dataclass
class ProblemGroup:
    column: str
    problem: str
    count: int = 0
    rows: list[int] = field(default_factory=list)  # the first few rows, in file order

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


def group_problems(problems: Iterable[Sequence[Any]]) -> list[ProblemGroup]:
    """(row, column, problem) triples grouped by column and problem, in order of first row."""
    groups: dict[tuple[str, str], ProblemGroup] = {}
    for row, column, problem in problems:
        group = groups.get((column, problem))
        if group is None:
            group = groups[(column, problem)] = ProblemGroup(column, problem)
        group.count += 1
        if len(group.rows) < FIRST_ROWS:
            group.rows.append(row)
    return sorted(groups.values(), key=lambda g: (min(g.rows), g.column))
