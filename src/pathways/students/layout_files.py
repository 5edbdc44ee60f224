"""Downloadable templates of each student-record layout: the header row (every column of
students/layouts.py, required ones first) and one clearly made-up example row."""

from pathways.core.spreadsheets import csv_bytes, xlsx_bytes

from .layouts import LAYOUTS, Layout

# One made-up value per column; the student ID says it is an example.
EXAMPLES = {
    "student_id": "EXAMPLE-0001",
    "district_nces_id": "3500060",
    "school_year": "2024-25",
    "cohort_year": "2025",
    "school_code": "610",
    "school_name": "Example High School",
    "grade_level": "11",
    "sex": "F",
    "race_ethnicity": "hispanic",
    "term": "S1",
    "course_code": "0501",
    "credit_earned": "1",
    "passed": "Y",
    "credential": "OSHA 10",
    "issuer": "OSHA Outreach Training Program",
    "date_earned": "2025-03-14",
    "kind": "internship",
    "hours": "120",
    "institution": "Central New Mexico Community College",
    "credits_earned": "3",
    "college_course_code": "WELD 1010",
    "graduated": "Y",
    "graduation_year": "2025",
}
POPULATION_EXAMPLE = "N"


def columns(layout: Layout) -> list[str]:
    optional = [c for c in layout.columns if c in layout.optional]
    return [*layout.required, *optional]


def example_row(layout: Layout) -> list[str]:
    examples = dict(EXAMPLES)
    if layout.kind == "dual_credit":
        examples["course_code"] = examples["college_course_code"]
    return [examples.get(column, POPULATION_EXAMPLE) for column in columns(layout)]


def template_csv(kind: str) -> bytes:
    layout = LAYOUTS[kind]
    return csv_bytes(columns(layout), [example_row(layout)])


def template_xlsx(kind: str) -> bytes:
    layout = LAYOUTS[kind]
    return xlsx_bytes(kind, columns(layout), [example_row(layout)])
