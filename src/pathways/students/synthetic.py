"""Clearly synthetic student records at statewide scale, for tests, demos and benchmarks.

Over 400 lines on purpose: one seeded generator reads best, and stays reproducible, whole.

`generate` writes one file of each kind in the layouts of docs/student-records-layout.md,
plus `programs.csv` (docs/programs-layout.md) with the programs of study whose courses the
students take, so that an import followed by `status.recompute` finds participants,
concentrators and completers. Nothing is real: student IDs start with "SYN", schools are
"Synthetic School NN", programs "Synthetic: …", and a README.txt in the folder says so.

The same seed writes the same files. Districts and sub-clusters come from the loaded state
profile and 2024 framework, so the programs file imports into the same database.
"""

import csv
import random
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from pathways.framework.models import Framework, SubCluster
from pathways.geography.models import District
from pathways.programs.models import WorkBasedLearning
from pathways.programs.transfer import COLUMNS as PROGRAM_COLUMNS

from .models import SPECIAL_POPULATIONS, RaceEthnicity, Sex

KINDS = ("programs", "courses", "credentials", "work_based_learning", "dual_credit", "graduation")
COURSE_COLUMNS = [
    "student_id",
    "district_nces_id",
    "school_code",
    "school_name",
    "school_year",
    "term",
    "course_code",
    "credit_earned",
    "passed",
    "grade_level",
    "sex",
    "race_ethnicity",
    *SPECIAL_POPULATIONS,
]
HEADERS: dict[str, list[str]] = {
    "programs": PROGRAM_COLUMNS,
    "courses": COURSE_COLUMNS,
    "credentials": ["student_id", "district_nces_id", "school_year", "credential"],
    "work_based_learning": ["student_id", "district_nces_id", "school_year", "kind", "hours"],
    "dual_credit": [
        "student_id",
        "district_nces_id",
        "school_year",
        "course_code",
        "institution",
        "credits_earned",
    ],
    "graduation": [
        "student_id",
        "district_nces_id",
        "cohort_year",
        "graduated",
        "graduation_year",
    ],
}

# The shape of the synthetic state. Rates are plausible for New Mexico, not measured.
LARGEST_DISTRICT = "3500060"  # given the largest share when the profile has it
COMPLETIONS_PER_STUDENT = 10  # course attempts over all the years a student is enrolled
FAIL_RATE = 0.07
CTE_RATE = 0.7  # students who follow one program's sequence
CTE_DROP_RATE = 0.15  # each year, a CTE student may stop following the sequence
EXPLORE_RATE = 0.2  # each year, the first course of another program
MOVE_RATE = 0.03  # students who change district once
SEX_MIX = {Sex.FEMALE: 0.487, Sex.MALE: 0.510, Sex.NONBINARY: 0.003}
RACE_MIX = {
    RaceEthnicity.HISPANIC: 0.63,
    RaceEthnicity.WHITE: 0.205,
    RaceEthnicity.AMERICAN_INDIAN: 0.10,
    RaceEthnicity.BLACK: 0.02,
    RaceEthnicity.ASIAN: 0.015,
    RaceEthnicity.PACIFIC_ISLANDER: 0.002,
    RaceEthnicity.TWO_OR_MORE: 0.028,
}
FLAG_RATES = {
    "disability": 0.16,
    "economically_disadvantaged": 0.68,
    "english_learner": 0.15,
    "homeless": 0.03,
    "foster_care": 0.005,
    "military_parent": 0.02,
    "single_parent": 0.01,
    "nontraditional": 0.08,
}
GENERAL_COURSES = [f"SYN2{number:04d}" for number in range(1, 121)]
GRADUATION_RATE = 0.74
CONCENTRATOR_GRADUATION_RATE = 0.92
INSTITUTION = "Synthetic Community College"


class MissingReferenceData(Exception):
    """The districts or the 2024 framework are not loaded."""


@dataclass(frozen=True)
class SyntheticProgram:
    title: str
    subcluster_code: str
    course_codes: tuple[str, ...]  # in sequence order; the last is the capstone
    course_titles: tuple[str, ...]
    credential: str


@dataclass
class SyntheticDistrict:
    nces_id: str
    programs: list[SyntheticProgram] = field(default_factory=list)
    schools: list[tuple[str, str]] = field(default_factory=list)  # (code, name)


def generate(
    directory: Path,
    *,
    students: int = 100_000,
    years: Sequence[int] = (2023, 2024, 2025),
    seed: int = 1,
) -> dict[str, Path]:
    """Write synthetic programs and student records into `directory`; return the files by
    kind. The same arguments write the same files."""
    rng = random.Random(seed)
    years = sorted(set(years))
    templates = _program_templates(rng)
    district_ids = list(District.objects.order_by("nces_id").values_list("nces_id", flat=True))
    if not district_ids or not templates:
        raise MissingReferenceData(
            _("Load the state profile and the 2024 framework first (pathways data load).")
        )
    weights = _district_weights(rng, district_ids)
    homes = rng.choices(range(len(district_ids)), cum_weights=weights, k=students)
    districts = _districts(rng, district_ids, templates, homes)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {kind: directory / f"{kind}.csv" for kind in KINDS}
    simulation = _Simulation(rng, districts, weights, years)
    with ExitStack() as stack:
        writers = {}
        for kind, path in paths.items():
            handle = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
            writers[kind] = csv.writer(handle, lineterminator="\n")
            writers[kind].writerow(HEADERS[kind])
        writers["programs"].writerows(_program_rows(districts))
        for number, home in enumerate(homes, start=1):
            for kind, row in simulation.student(f"SYN{number:07d}", districts[home]):
                writers[kind].writerow(row)
    _write_readme(directory, students=students, years=years, seed=seed)
    return paths


def _program_templates(rng: random.Random) -> list[SyntheticProgram]:
    """One statewide course sequence per 2024 sub-cluster: districts offering the same
    sub-cluster share its course codes, as state course codes are statewide."""
    subclusters = SubCluster.objects.filter(cluster__framework=Framework.MODERN).order_by("code")
    templates, titles = [], set()
    for index, subcluster in enumerate(subclusters, start=1):
        name = subcluster.name.replace(";", ",").replace("|", "/")[:150]
        title = f"Synthetic: {name}"
        if title.casefold() in titles:
            continue  # two sub-clusters with one name would clash in a district
        titles.add(title.casefold())
        length = rng.randint(3, 4)
        codes = tuple(f"SYN1{index:03d}{position}" for position in range(1, length + 1))
        course_titles = (
            *(f"Synthetic {name} {position}" for position in range(1, length)),
            f"Synthetic {name} capstone",
        )
        templates.append(
            SyntheticProgram(title, subcluster.code, codes, course_titles, f"Synthetic {name}")
        )
    return templates


def _district_weights(rng: random.Random, district_ids: list[str]) -> list[float]:
    """Cumulative Zipf-like weights in `district_ids` order: a few large districts and many
    small ones, the largest being LARGEST_DISTRICT when present."""
    ranking = district_ids[:]
    rng.shuffle(ranking)
    if LARGEST_DISTRICT in ranking:
        ranking.remove(LARGEST_DISTRICT)
        ranking.insert(0, LARGEST_DISTRICT)
    rank = {nces_id: position for position, nces_id in enumerate(ranking, start=1)}
    cumulative, total = [], 0.0
    for nces_id in district_ids:
        total += 1 / rank[nces_id]
        cumulative.append(total)
    return cumulative


def _districts(
    rng: random.Random,
    district_ids: list[str],
    templates: list[SyntheticProgram],
    homes: list[int],
) -> list[SyntheticDistrict]:
    """Schools (1-6) and programs (3-8) for each district, more for larger districts."""
    sizes = [0] * len(district_ids)
    for home in homes:
        sizes[home] += 1
    largest = max(sizes) or 1
    districts, school_number = [], 0
    for nces_id, size in zip(district_ids, sizes, strict=True):
        share = size / largest
        district = SyntheticDistrict(nces_id)
        for _n in range(1 + int(5 * share**0.5)):
            school_number += 1
            district.schools.append(
                (f"{school_number:03d}", f"Synthetic School {school_number:02d}")
            )
        count = min(len(templates), 3 + int(5 * share**0.5))
        district.programs = rng.sample(templates, count)
        districts.append(district)
    return districts


def _program_rows(districts: list[SyntheticDistrict]) -> Iterator[list[str]]:
    description = "Synthetic program of study for tests and benchmarks; not a real program."
    for district in districts:
        for program in district.programs:
            last = len(program.course_codes)
            for position, (code, title) in enumerate(
                zip(program.course_codes, program.course_titles, strict=True), start=1
            ):
                first = position == 1
                values = {
                    "district_nces_id": district.nces_id,
                    "program_title": program.title,
                    "subcluster_code": program.subcluster_code if first else "",
                    "program_description": description if first else "",
                    "position": str(position),
                    "course_code": code,
                    "course_title": title,
                    "credits": "1",
                    "grade_min": "9",
                    "grade_max": "12",
                    "is_capstone": "yes" if position == last else "no",
                    "credentials": program.credential if first else "",
                }
                yield [values.get(column, "") for column in PROGRAM_COLUMNS]


def _yes_no(value: bool) -> str:
    return "Y" if value else "N"


def _write_readme(directory: Path, *, students: int, years: list[int], seed: int) -> None:
    (directory / "README.txt").write_text(
        "SYNTHETIC DATA - NOT REAL STUDENTS\n\n"
        "Every file in this folder was made up by `pathways students synthesize` "
        f"(seed {seed}, {students:,} students, school years {', '.join(map(str, years))}).\n"
        "Student IDs start with SYN, schools are 'Synthetic School NN', programs of study\n"
        "'Synthetic: ...' and course codes SYN... No row describes a real person, school or\n"
        "program. Use these files for tests, demonstrations and benchmarks only.\n",
        encoding="utf-8",
    )


class _Simulation:
    """Makes up one student at a time: who they are, where they enrol, what they take."""

    def __init__(
        self,
        rng: random.Random,
        districts: list[SyntheticDistrict],
        weights: list[float],
        years: list[int],
    ) -> None:
        self.rng = rng
        self.districts = districts
        self.weights = weights
        self.years = years
        # A cohort is named by its graduation year; keep those enrolled in some given year.
        self.cohorts = [
            cohort
            for cohort in range(years[0], years[-1] + 4)
            if any(9 <= 12 - (cohort - year) <= 12 for year in years)
        ]
        enrolled_years = sum(len(self._grades(cohort)) for cohort in self.cohorts)
        self.attempts_per_year = max(
            2, round(COMPLETIONS_PER_STUDENT * len(self.cohorts) / enrolled_years)
        )
        self.sexes, self.sex_weights = list(SEX_MIX), list(SEX_MIX.values())
        self.races, self.race_weights = list(RACE_MIX), list(RACE_MIX.values())
        self.kinds = list(WorkBasedLearning.Kind.values)

    def _grades(self, cohort: int) -> list[tuple[int, int]]:
        """(school year, grade) for the given years in which the cohort is in grades 9-12."""
        return [(year, 12 - (cohort - year)) for year in self.years if 0 <= cohort - year <= 3]

    def student(self, student_id: str, home: SyntheticDistrict) -> Iterator[tuple[str, list[Any]]]:
        """(kind, row) for every record of one student."""
        rng = self.rng
        cohort = rng.choice(self.cohorts)
        grades = self._grades(cohort)
        attributes = [
            rng.choices(self.sexes, self.sex_weights)[0].value,
            rng.choices(self.races, self.race_weights)[0].value,
            *(_yes_no(rng.random() < rate) for rate in FLAG_RATES.values()),
        ]
        enrolments = self._enrolments(home, grades)
        record = _StudentRecord(
            student_id, rng.choice(home.programs) if rng.random() < CTE_RATE else None
        )
        for (year, grade), district in zip(grades, enrolments, strict=True):
            if district.nces_id not in record.school_for:
                record.school_for[district.nces_id] = rng.choice(district.schools)
            code, name = record.school_for[district.nces_id]
            prefix = [student_id, district.nces_id, code, name, year]
            suffix = [grade, *attributes]
            for term, course, credit, passed in self._year_of_courses(record, district, year):
                yield "courses", [*prefix, term, course, credit, _yes_no(passed), *suffix]
            yield from self._other_records(record, district.nces_id, year, grade)
        if cohort in self.years:
            yield "graduation", self._graduation(record, enrolments[-1].nces_id, cohort)

    def _enrolments(
        self, home: SyntheticDistrict, grades: list[tuple[int, int]]
    ) -> list[SyntheticDistrict]:
        """The district of each enrolled year: home, or home then another after a move."""
        enrolments = [home] * len(grades)
        if len(grades) > 1 and self.rng.random() < MOVE_RATE:
            moved_at = self.rng.randrange(1, len(grades))
            index = self.rng.choices(range(len(self.districts)), cum_weights=self.weights)[0]
            enrolments[moved_at:] = [self.districts[index]] * (len(grades) - moved_at)
        return enrolments

    def _year_of_courses(
        self, record: "_StudentRecord", district: SyntheticDistrict, year: int
    ) -> Iterator[tuple[str, str, str, bool]]:
        """(term, course code, credit earned, passed) for each attempt in one school year:
        the next courses of the student's program, perhaps another program's first course,
        and general courses (failed ones often retaken the next year) to fill the year."""
        attempts = self.rng.randint(self.attempts_per_year - 1, self.attempts_per_year + 1)
        taken = list(self._sequence(record, year))
        taken += self._exploration(record, district, {(term, code) for term, code, *_ in taken})
        yield from taken
        yield from self._general(record, max(0, attempts - len(taken)))

    def _attempt(self, term: str, code: str, credit: str) -> tuple[str, str, str, bool]:
        passed = self.rng.random() >= FAIL_RATE
        return term, code, credit if passed else "0", passed

    def _sequence(
        self, record: "_StudentRecord", year: int
    ) -> Iterator[tuple[str, str, str, bool]]:
        program = record.program
        if program is None or not record.following:
            return
        if self.rng.random() < CTE_DROP_RATE:
            record.following = False
            return
        for term in ("S1", "S2")[: self.rng.randint(1, 2)]:
            if record.next_course >= len(program.course_codes):
                return
            attempt = self._attempt(term, program.course_codes[record.next_course], "1")
            if attempt[3]:
                record.passed_in_sequence(year, len(program.course_codes))
            yield attempt  # a failed course is tried again in the next term

    def _exploration(
        self, record: "_StudentRecord", district: SyntheticDistrict, taken: set[tuple[str, str]]
    ) -> list[tuple[str, str, str, bool]]:
        if self.rng.random() >= EXPLORE_RATE:
            return []
        other = self.rng.choice(district.programs)
        term = self.rng.choice(("S1", "S2"))
        own = record.program.subcluster_code if record.program else None
        if other.subcluster_code == own or (term, other.course_codes[0]) in taken:
            return []
        return [self._attempt(term, other.course_codes[0], "1")]

    def _general(
        self, record: "_StudentRecord", count: int
    ) -> Iterator[tuple[str, str, str, bool]]:
        retakes = [code for code in record.failed_general if self.rng.random() < 0.6][:count]
        fresh = self.rng.sample(GENERAL_COURSES, count - len(retakes))
        record.failed_general = []
        for code in retakes + [code for code in fresh if code not in retakes]:
            attempt = self._attempt(self.rng.choice(("S1", "S2")), code, "0.5")
            if not attempt[3]:
                record.failed_general.append(code)
            yield attempt

    def _other_records(
        self, record: "_StudentRecord", nces_id: str, year: int, grade: int
    ) -> Iterator[tuple[str, list[Any]]]:
        """Credentials, work-based learning and dual credit earned in one school year."""
        rng = self.rng
        program = record.program
        if program is not None and record.capstone_year == year and rng.random() < 0.4:
            yield "credentials", [record.student_id, nces_id, year, program.credential]
        if program is not None and record.courses_passed >= 2 and rng.random() < 0.15:
            kind = rng.choice(self.kinds)
            hours = rng.randint(2, 8) if kind in ("tour", "job_shadowing") else rng.randint(20, 240)
            yield "work_based_learning", [record.student_id, nces_id, year, kind, hours]
        if grade >= 11 and rng.random() < 0.15:
            for number in rng.sample(range(101, 141), rng.randint(1, 2)):
                credits = rng.choice(("3", "4"))
                yield (
                    "dual_credit",
                    [
                        record.student_id,
                        nces_id,
                        year,
                        f"SYN {number}",
                        INSTITUTION,
                        credits,
                    ],
                )

    def _graduation(self, record: "_StudentRecord", nces_id: str, cohort: int) -> list[Any]:
        rate = CONCENTRATOR_GRADUATION_RATE if record.courses_passed >= 2 else GRADUATION_RATE
        graduated = self.rng.random() < rate
        return [record.student_id, nces_id, cohort, _yes_no(graduated), cohort if graduated else ""]


@dataclass
class _StudentRecord:
    """What the simulation remembers about a student from one year to the next."""

    student_id: str
    program: SyntheticProgram | None
    following: bool = True
    next_course: int = 0
    courses_passed: int = 0
    capstone_year: int | None = None
    failed_general: list[str] = field(default_factory=list)
    school_for: dict[str, tuple[str, str]] = field(default_factory=dict)

    def passed_in_sequence(self, year: int, sequence_length: int) -> None:
        self.next_course += 1
        self.courses_passed += 1
        if self.next_course == sequence_length:  # the capstone, last in the sequence
            self.capstone_year = year
