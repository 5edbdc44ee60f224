"""O*NET 30.1 text files -> JobZone, OnetOccupation (with interests and job zone),
OnetEducation, OnetTitle, OnetRelated, OnetTask.

Every file is parsed and checked before anything is written, and the problems of all files
are reported together. Occupation Data is the list of codes the other files may refer to.
"""

from collections.abc import Container, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pathways.core.text import fold
from pathways.occupations.models import (
    RIASEC,
    JobZone,
    OnetEducation,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    OnetTitle,
)

from .errors import ErrorLog, ImportValidationError
from .loading import replace_rows
from .readers import Row, read_delimited

OCCUPATIONS = "Occupation Data.txt"
INTERESTS = "Interests.txt"
JOB_ZONES = "Job Zones.txt"
ZONE_REFERENCE = "Job Zone Reference.txt"
EDUCATION = "Education, Training, and Experience.txt"
CATEGORIES = "Education, Training, and Experience Categories.txt"
ALTERNATE_TITLES = "Alternate Titles.txt"
REPORTED_TITLES = "Sample of Reported Titles.txt"
RELATED = "Related Occupations.txt"
TASKS = "Task Statements.txt"

CODE_COLUMN = "O*NET-SOC Code"
CODE = r"\d\d-\d{4}\.\d\d"
EXAMPLE = "29-1141.00"
# Occupational Interest ratings (scale OI, 1-7) by element.
INTEREST_FIELDS = {
    "1.B.1.a": "realistic",
    "1.B.1.b": "investigative",
    "1.B.1.c": "artistic",
    "1.B.1.d": "social",
    "1.B.1.e": "enterprising",
    "1.B.1.f": "conventional",
}
# First, second, third Interest High-Point (scale IH): 1-6 = R, I, A, S, E, C; 0 = none.
HIGH_POINTS = ("1.B.1.g", "1.B.1.h", "1.B.1.i")
# The education file also has IM rows (importance of certification, apprenticeship) that
# have no categories; only the four category scales are stored.
EDUCATION_SCALES = tuple(OnetEducation.Scale.values)
TIERS = ("Primary-Short", "Primary-Long", "Supplemental")
# 845 real task statements have no type ("n/a"): they are shown, but not as core tasks.
TASK_TYPES = {"Core": True, "Supplemental": False, "n/a": False, "": False}


@dataclass
class Parsed:
    job_zones: list[JobZone]
    occupations: list[OnetOccupation]
    education: list[OnetEducation]
    titles: list[OnetTitle]
    related: list[OnetRelated]
    tasks: list[OnetTask]


class Files:
    """Reads the source's files, one problem log per file, so all are reported together."""

    def __init__(self, paths: dict[str, Path]):
        self.paths = paths
        self.logs: list[ErrorLog] = []

    def rows(self, name: str, required: list[str]) -> Iterator[Row]:
        path = self.paths[name]
        log = ErrorLog.for_path(path)
        self.logs.append(log)
        yield from read_delimited(path, log, required)

    def raise_if_any(self) -> None:
        problems = [p for log in self.logs for p in log.problems]
        if problems:
            raise ImportValidationError(problems)


def known_code(row: Row, codes: Container[str], column: str = CODE_COLUMN) -> str | None:
    code = row.raw(column)
    if code in codes:  # every known code is well formed; most rows need no pattern check
        return code
    if row.code(column, CODE, EXAMPLE) is not None:
        row.problem(column, f"'{code}' is not in {OCCUPATIONS}")
    return None


def number_in(row: Row, column: str, low: int, high: int) -> Decimal | None:
    value = row.decimal(column, required=True)
    if value is not None and not low <= value <= high:
        row.problem(column, f"'{row.raw(column)}' is not between {low} and {high}")
        return None
    return value


def whole_in(row: Row, column: str, low: int, high: int) -> int | None:
    value = row.integer(column, required=True)
    if value is not None and not low <= value <= high:
        row.problem(column, f"'{row.raw(column)}' is not between {low} and {high}")
        return None
    return value


def parse_occupations(files: Files) -> dict[str, OnetOccupation]:
    occupations: dict[str, OnetOccupation] = {}
    for row in files.rows(OCCUPATIONS, [CODE_COLUMN, "Title", "Description"]):
        code = row.code(CODE_COLUMN, CODE, EXAMPLE)
        title, description = row.text("Title"), row.text("Description")
        if code in occupations:
            row.problem(CODE_COLUMN, f"'{code}' appears twice")
        elif code and title:
            occupations[code] = OnetOccupation(
                code=code, soc_code=code[:7], title=title, description=description
            )
    return occupations


def parse_zone_reference(files: Files) -> dict[int, JobZone]:
    zones: dict[int, JobZone] = {}
    columns = ["Job Zone", "Name", "Experience", "Education", "Job Training"]
    for row in files.rows(ZONE_REFERENCE, columns):
        number = whole_in(row, "Job Zone", 1, 5)
        if number in zones:
            row.problem("Job Zone", f"'{number}' appears twice")
        elif number is not None:
            zones[number] = JobZone(
                number=number,
                name=row.text("Name"),
                experience=row.text("Experience"),
                education=row.text("Education"),
                training=row.text("Job Training"),
            )
    return zones


def apply_job_zones(
    files: Files, occupations: dict[str, OnetOccupation], zones: Container[int]
) -> None:
    seen: set[str] = set()
    for row in files.rows(JOB_ZONES, [CODE_COLUMN, "Job Zone"]):
        code = known_code(row, occupations)
        zone = row.integer("Job Zone", required=True)
        if zone is not None and zone not in zones:
            row.problem("Job Zone", f"'{zone}' is not in {ZONE_REFERENCE}")
        elif code in seen:
            row.problem(CODE_COLUMN, f"'{code}' has a second job zone")
        elif code and zone is not None:
            seen.add(code)
            occupations[code].job_zone = zone


def apply_interests(files: Files, occupations: dict[str, OnetOccupation]) -> None:
    high_points: dict[str, dict[str, int]] = {}
    columns = [CODE_COLUMN, "Element ID", "Scale ID", "Data Value"]
    for row in files.rows(INTERESTS, columns):
        code = known_code(row, occupations)
        element, scale = row.text("Element ID"), row.text("Scale ID")
        if scale == "OI" and element in INTEREST_FIELDS:
            rating = number_in(row, "Data Value", 1, 7)
            if code and rating is not None:
                setattr(occupations[code], INTEREST_FIELDS[element], rating)
        elif scale == "IH" and element in HIGH_POINTS:
            point = whole_in(row, "Data Value", 0, len(RIASEC))
            if code and point is not None:
                high_points.setdefault(code, {})[element] = point
    for code, points in high_points.items():
        occupations[code].holland_code = holland_code(points)


def holland_code(points: dict[str, int]) -> str:
    """'SIC' from the first/second/third high points; a 0 (no further high point) ends it."""
    letters = ""
    for element in HIGH_POINTS:
        point = points.get(element, 0)
        if point == 0:
            break
        letters += RIASEC[point - 1]
    return letters


def parse_categories(files: Files) -> dict[tuple[str, int], str]:
    labels: dict[tuple[str, int], str] = {}
    columns = ["Scale ID", "Category", "Category Description"]
    for row in files.rows(CATEGORIES, columns):
        scale = row.choice("Scale ID", EDUCATION_SCALES)
        category = row.integer("Category", required=True)
        label = row.text("Category Description")
        if scale and category is not None:
            labels[(scale, category)] = label
    return labels


def parse_education(
    files: Files, codes: Container[str], labels: dict[tuple[str, int], str]
) -> list[OnetEducation]:
    shares = []
    columns = [CODE_COLUMN, "Scale ID", "Category", "Data Value", "Recommend Suppress"]
    for row in files.rows(EDUCATION, columns):
        code, scale = known_code(row, codes), row.text("Scale ID")
        if scale not in EDUCATION_SCALES:
            continue
        category = row.integer("Category", required=True)
        percent = number_in(row, "Data Value", 0, 100)
        suppress = row.choice("Recommend Suppress", ["Y", "N", "n/a"]) == "Y"
        label = labels.get((scale, category)) if category is not None else None
        if category is not None and label is None:
            row.problem("Category", f"'{category}' of scale {scale} is not in {CATEGORIES}")
        if code and category is not None and label and percent is not None:
            shares.append(
                OnetEducation(
                    onet_code=code,
                    scale=scale,
                    category=category,
                    category_label=label,
                    percent=percent,
                    recommend_suppress=suppress,
                )
            )
    return shares


def parse_titles(files: Files, codes: Container[str]) -> list[OnetTitle]:
    """Every real reported title is also an alternate title, so each occupation's title is
    stored once (matched as search folds it), marked reported where O*NET reports it."""
    titles: dict[tuple[str, str], OnetTitle] = {}
    sources = [
        (REPORTED_TITLES, "Reported Job Title", OnetTitle.Kind.REPORTED),
        (ALTERNATE_TITLES, "Alternate Title", OnetTitle.Kind.ALTERNATE),
    ]
    for name, column, kind in sources:
        for row in files.rows(name, [CODE_COLUMN, column]):
            code, title = known_code(row, codes), row.text(column)
            search_text = fold(title)
            if code and title and (code, search_text) not in titles:
                titles[(code, search_text)] = OnetTitle(
                    onet_code=code, title=title, search_text=search_text, kind=kind
                )
    return list(titles.values())


def parse_related(files: Files, codes: Container[str]) -> list[OnetRelated]:
    related = []
    columns = [CODE_COLUMN, "Related O*NET-SOC Code", "Relatedness Tier", "Index"]
    for row in files.rows(RELATED, columns):
        code = known_code(row, codes)
        other = known_code(row, codes, "Related O*NET-SOC Code")
        tier = row.choice("Relatedness Tier", TIERS)
        rank = whole_in(row, "Index", 1, 32767)  # the range of the rank column
        if code and other and tier and rank is not None:
            related.append(OnetRelated(onet_code=code, related_code=other, tier=tier, rank=rank))
    return related


def parse_tasks(files: Files, codes: Container[str]) -> list[OnetTask]:
    tasks = []
    for row in files.rows(TASKS, [CODE_COLUMN, "Task ID", "Task", "Task Type"]):
        code = known_code(row, codes)
        task_id = whole_in(row, "Task ID", 1, 2**31 - 1)  # the range of the task_id column
        statement, task_type = row.text("Task"), row.raw("Task Type")
        if task_type not in TASK_TYPES:
            row.problem("Task Type", f"'{task_type}' is not Core, Supplemental or n/a")
        elif code and task_id is not None and statement:
            is_core = TASK_TYPES[task_type]
            tasks.append(
                OnetTask(onet_code=code, task_id=task_id, statement=statement, is_core=is_core)
            )
    return tasks


def parse(paths: dict[str, Path]) -> Parsed:
    files = Files(paths)
    occupations = parse_occupations(files)
    # Every other file is checked against these codes: stop here if they are unreliable.
    files.raise_if_any()
    zones = parse_zone_reference(files)
    apply_job_zones(files, occupations, zones)
    apply_interests(files, occupations)
    education = parse_education(files, occupations, parse_categories(files))
    titles = parse_titles(files, occupations)
    related = parse_related(files, occupations)
    tasks = parse_tasks(files, occupations)
    files.raise_if_any()
    return Parsed(
        list(zones.values()), list(occupations.values()), education, titles, related, tasks
    )


def load(files: dict[str, Path]) -> dict[str, int]:
    data = parse(files)
    return {
        "Job zones": replace_rows(JobZone, data.job_zones),
        "O*NET occupations": replace_rows(OnetOccupation, data.occupations),
        "Education, training and experience shares": replace_rows(OnetEducation, data.education),
        "Job titles": replace_rows(OnetTitle, data.titles),
        "Related occupations": replace_rows(OnetRelated, data.related),
        "Tasks": replace_rows(OnetTask, data.tasks),
    }
