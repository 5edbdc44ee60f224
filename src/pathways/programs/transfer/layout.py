"""The programs file layout (docs/programs-layout.md): its columns and limits, and what a
file says once read: programs with their course lines, and the summary of an import."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..models import PostsecondaryProgram

# One row per course in a program; program columns repeat on each row.
COLUMNS = [
    "district_nces_id",
    "program_title",
    "subcluster_code",
    "legacy_pathway_code",
    "program_description",
    "position",
    "course_code",
    "course_title",
    "credits",
    "grade_min",
    "grade_max",
    "is_capstone",
    "credentials",
    "postsecondary",
    "work_based_learning",
]
PROGRAM_COLUMNS = [
    "subcluster_code",
    "legacy_pathway_code",
    "program_description",
    "credentials",
    "postsecondary",
    "work_based_learning",
]
SHEET_NAME = "Programs"
LIST_SEPARATOR = ";"
FIELD_SEPARATOR = "|"
MAX_POSITION = 99
MAX_CREDITS = Decimal("10")
GRADES = range(6, 13)
DEFAULT_CREDITS = Decimal("1.0")
DEFAULT_GRADE_MIN, DEFAULT_GRADE_MAX = 9, 12
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}
NCES_ID = re.compile(r"\d{7}")
COURSE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,11}")
CIP_CODE = re.compile(r"\d\d\.\d{4}")
MAX_TITLE = 200
MAX_DESCRIPTION = 10_000
MAX_WBL_DESCRIPTION = 300


@dataclass(frozen=True)
class CourseLine:
    """One course in a program's sequence, from one row of the file."""

    row: int
    position: int
    code: str
    title: str
    credits: Decimal
    grade_min: int
    grade_max: int
    is_capstone: bool


@dataclass(frozen=True, order=True)
class PostsecondaryRef:
    institution: str
    title: str
    cip_code: str

    def __str__(self) -> str:
        return f"{self.institution} | {self.title} | {self.cip_code}"


@dataclass(frozen=True, order=True)
class WorkBasedLearningRef:
    kind: str
    description: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.description}" if self.description else self.kind


@dataclass
class ProgramSpec:
    """One program of study as the file describes it (all its rows together)."""

    file: str
    district_id: str
    title: str
    subcluster_code: str = ""
    legacy_pathway_code: str = ""
    description: str = ""
    courses: list[CourseLine] = field(default_factory=list)
    credentials: list[str] = field(default_factory=list)
    postsecondary: list[PostsecondaryRef] = field(default_factory=list)
    work_based_learning: list[WorkBasedLearningRef] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    @property
    def first_row(self) -> int:
        return self.rows[0] if self.rows else 0


@dataclass(frozen=True)
class ProgramChange:
    district: str
    title: str


@dataclass
class ImportSummary:
    """What an import created, changed and left alone (or would have, for a check)."""

    file: str
    check: bool
    rows: int = 0
    created: list[ProgramChange] = field(default_factory=list)
    updated: list[ProgramChange] = field(default_factory=list)
    unchanged: list[ProgramChange] = field(default_factory=list)
    courses_created: list[str] = field(default_factory=list)
    courses_updated: list[str] = field(default_factory=list)
    credentials_created: list[str] = field(default_factory=list)
    postsecondary_created: list[str] = field(default_factory=list)

    @property
    def programs(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.created
            or self.updated
            or self.courses_created
            or self.courses_updated
            or self.credentials_created
            or self.postsecondary_created
        )


def postsecondary_key(program: PostsecondaryRef | PostsecondaryProgram) -> tuple[str, str, str]:
    """What makes two postsecondary programs the same: institution and title (any case), CIP."""
    return (program.institution.casefold(), program.title.casefold(), program.cip_code)


def same_title(a: str, b: str) -> bool:
    """Titles that differ only in spacing or case name the same course."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
