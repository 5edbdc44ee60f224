"""Export in the import layout: what a user may see, filtered; export then import round-trips."""

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from pathways.datasets.errors import ImportValidationError
from pathways.programs.models import ProgramOfStudy, WorkBasedLearning
from pathways.programs.transfer import COLUMNS, import_file, parse_programs
from pathways.programs.transfer.exporting import (
    BadFilter,
    ExportFilters,
    export_bytes,
    programs_for_export,
)
from tests.factories import (
    ALBUQUERQUE,
    DistrictCoordinatorFactory,
    ProgramOfStudyFactory,
    StateAdminFactory,
    StudentFactory,
)

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "programs" / "good.csv"
LAS_CRUCES = "3501500"


def snapshot() -> list[dict[str, Any]]:
    """Everything the layout carries, for every program."""
    return [
        {
            "key": (p.district_id, p.title),
            "subcluster": p.subcluster_id,
            "legacy": p.legacy_pathway_id,
            "description": p.description,
            "sequence": [
                (
                    pc.position,
                    pc.course.state_code,
                    pc.course.title,
                    pc.course.credits,
                    pc.course.grade_min,
                    pc.course.grade_max,
                    pc.is_capstone,
                )
                for pc in p.sequence.select_related("course").order_by("position")
            ],
            "credentials": sorted(c.name for c in p.credentials.all()),
            "postsecondary": sorted(
                (x.institution, x.title, x.cip_code) for x in p.postsecondary_programs.all()
            ),
            "wbl": sorted((w.kind, w.description) for w in p.work_based_learning.all()),
        }
        for p in ProgramOfStudy.objects.order_by("district_id", "title")
    ]


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode())  # spreadsheet programs then read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_round_trips(fmt, tmp_path, real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)
    # Text a spreadsheet would run as a formula, and a description over several lines.
    program = ProgramOfStudy.objects.get(district_id=ALBUQUERQUE)
    program.description = "=1+1 is not a formula here.\nSecond line, with ñ and “quotes”."
    program.save()
    before = snapshot()
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(export_bytes(programs_for_export(admin, ExportFilters()), fmt))

    # Into an empty database: the same programs come back.
    ProgramOfStudy.objects.all().delete()
    import_file(path, admin)
    assert snapshot() == before

    # Into the same database: nothing changes.
    summary = import_file(path, admin)
    assert len(summary.unchanged) == 2 and not summary.changed_anything


def test_csv_has_the_layout_columns_one_row_per_course(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)

    rows = csv_rows(export_bytes(programs_for_export(admin, ExportFilters()), "csv"))

    assert list(rows[0]) == COLUMNS
    assert len(rows) == 8
    first = rows[0]
    assert first["district_nces_id"] == ALBUQUERQUE
    assert (first["position"], first["course_code"], first["credits"]) == ("1", "TST-HLT-1", "1.0")
    assert first["credentials"] == "CPR and First Aid; Certified Nursing Assistant (CNA)"
    assert first["postsecondary"] == "Test Community College | Nursing Assistant | 51.3902"
    assert first["work_based_learning"] == (
        "internship: Summer clinic placement; job_shadowing: A day with hospital nurses"
    )
    assert [r["is_capstone"] for r in rows[:4]] == ["no", "no", "no", "yes"]


def test_xlsx_has_a_programs_sheet_with_numbers_as_numbers(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)

    data = export_bytes(programs_for_export(admin, ExportFilters()), "xlsx")

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    assert workbook.sheet_names == ["Programs"]
    rows = workbook.get_sheet_by_name("Programs").to_python()
    assert rows[0] == COLUMNS
    assert rows[1][0] == ALBUQUERQUE  # the district ID stays text
    assert rows[1][5] == 1 and rows[4][8] == 2.0  # position and credits are numbers


def test_a_formula_is_written_as_text(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)
    ProgramOfStudy.objects.filter(district_id=ALBUQUERQUE).update(description="=HYPERLINK(1)")

    rows = csv_rows(export_bytes(programs_for_export(admin, ExportFilters()), "csv"))

    assert rows[0]["program_description"] == "'=HYPERLINK(1)"


def test_a_program_without_courses_is_still_exported(real_data):
    admin = StateAdminFactory()
    ProgramOfStudyFactory(title="Empty program")

    rows = csv_rows(export_bytes(programs_for_export(admin, ExportFilters()), "csv"))

    (row,) = [r for r in rows if r["program_title"] == "Empty program"]
    assert row["course_code"] == "" and row["position"] == ""


def test_export_shows_only_what_the_user_may_see(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)  # both drafts
    ProgramOfStudy.objects.filter(district_id=LAS_CRUCES).update(status="approved")
    titles = {
        "admin": {"Health Sciences: Physical Health", "Welding Technology"},
        "albuquerque coordinator": {"Health Sciences: Physical Health", "Welding Technology"},
        "student": {"Welding Technology"},
        "las cruces coordinator": {"Welding Technology"},
    }
    users = {
        "admin": admin,
        "albuquerque coordinator": DistrictCoordinatorFactory(),
        "student": StudentFactory(),
        "las cruces coordinator": DistrictCoordinatorFactory(district_id=LAS_CRUCES),
    }

    for name, user in users.items():
        seen = {p.title for p in programs_for_export(user, ExportFilters())}
        assert seen == titles[name], name


def test_filters_by_district_cluster_and_status(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)

    def titles(**filters: str) -> list[str]:
        return [p.title for p in programs_for_export(admin, ExportFilters(**filters))]

    assert titles(district=LAS_CRUCES) == ["Welding Technology"]
    assert titles(cluster="healthcare-human-services") == ["Health Sciences: Physical Health"]
    assert titles(cluster="health-science") == ["Health Sciences: Physical Health"]  # legacy
    assert titles(cluster="construction--skilled-trades") == ["Welding Technology"]
    assert titles(status="approved") == []
    assert len(titles(status="draft")) == 2


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"district": "1234567"}, "Unknown school district '1234567'"),
        ({"cluster": "basket-weaving"}, "Unknown cluster or sub-cluster 'basket-weaving'"),
        ({"status": "lost"}, "Unknown status 'lost'"),
    ],
)
def test_unknown_filters_are_refused_with_a_message(filters, message, real_data):
    with pytest.raises(BadFilter) as error:
        programs_for_export(StateAdminFactory(), ExportFilters(**filters))
    assert message in error.value.message


def test_exported_work_based_learning_keeps_the_kind_codes(real_data):
    admin = StateAdminFactory()
    program = ProgramOfStudyFactory(title="WBL program")
    WorkBasedLearning.objects.create(program=program, kind="pre_apprenticeship")

    rows = csv_rows(export_bytes(programs_for_export(admin, ExportFilters()), "csv"))

    (row,) = [r for r in rows if r["program_title"] == "WBL program"]
    assert row["work_based_learning"] == "pre_apprenticeship"


def test_the_empty_template_parses_as_a_file_without_programs(tmp_path, real_data):
    path = tmp_path / "template.csv"
    path.write_bytes(export_bytes([], "csv"))

    with pytest.raises(ImportValidationError, match="has no rows of programs"):
        parse_programs(path)
