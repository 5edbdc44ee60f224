"""Problems found in an uploaded file, grouped for reading: a file with the same mistake on
20,000 rows shows one line with its count and the first rows, and a CSV lists them all.
Every import page shows them the same way: `problems_page` answers 422 with the template
core/upload_problems.html (or a page including core/_problems.html), `problems_csv` the CSV.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .spreadsheets import csv_response

FIRST_ROWS = 5
GROUPS_SHOWN = 200
CSV_HEADER = ["row", "column", "problem"]


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


def problems_context(
    problems: Sequence[Sequence[Any]], *, file_name: str, csv_url: str = ""
) -> dict[str, Any]:
    """What core/_problems.html shows: the count, the first groups, the CSV's address."""
    groups = group_problems(problems)
    return {
        "problems_file_name": file_name,
        "problem_count": len(problems),
        "problem_groups": groups[:GROUPS_SHOWN],
        "problem_groups_hidden": max(len(groups) - GROUPS_SHOWN, 0),
        "problems_csv_url": csv_url,
    }


def problems_page(
    request: HttpRequest,
    problems: Sequence[Sequence[Any]],
    context: dict[str, Any],
    *,
    file_name: str,
    csv_url: str = "",
    template: str = "core/upload_problems.html",
) -> HttpResponse:
    """422: nothing was saved, and why, grouped (`context` names `upload_url`)."""
    context.update(problems_context(problems, file_name=file_name, csv_url=csv_url))
    return render(request, template, context, status=422)


def problems_csv(problems: Iterable[Sequence[Any]]) -> HttpResponse:
    """Every problem, one per line (row 0 means the whole file)."""
    return csv_response("upload-problems.csv", CSV_HEADER, problems)
