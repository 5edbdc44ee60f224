"""`pathways programs demo|import|export`: the demonstration catalogue and the console."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pathways.framework.models import SubCluster
from pathways.programs.models import (
    Course,
    Credential,
    PostsecondaryProgram,
    ProgramCourse,
    ProgramOfStudy,
    WorkBasedLearning,
)
from pathways.programs.sequence import sequence_problems
from tests.factories import DistrictCoordinatorFactory, StateAdminFactory

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "programs" / "good.csv"
DEMO_DISTRICTS = {"3500060", "3501500", "3500990"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("programs", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            ProgramOfStudy,
            ProgramCourse,
            Course,
            Credential,
            PostsecondaryProgram,
            WorkBasedLearning,
        )
    }


def test_demo_creates_a_labelled_approved_catalogue(real_data):
    output = run("demo")

    assert "10 programs created" in output
    programs = ProgramOfStudy.objects.all()
    assert programs.count() == 10
    assert set(programs.values_list("district_id", flat=True)) == DEMO_DISTRICTS
    for program in programs:
        assert program.is_demonstration
        assert program.status == "approved"
        assert "(demonstration)" in program.title
        assert program.description.startswith("Demonstration data: a made-up example")
        assert program.district.name in program.description
        sequence = list(program.sequence.select_related("course").order_by("position"))
        assert len(sequence) == 4
        assert all(pc.course.state_code.startswith("DEMO-") for pc in sequence)
        assert sequence_problems([(pc.position, pc.is_capstone) for pc in sequence]) == []
        assert sequence[-1].is_capstone
        assert program.credentials.exists()
        assert program.work_based_learning.exists()
        assert all(
            p.institution.startswith("Demonstration ") for p in program.postsecondary_programs.all()
        )
    # Real sub-cluster codes of both frameworks.
    assert set(programs.values_list("subcluster__cluster__framework", flat=True)) == {"2024"}
    assert set(programs.values_list("legacy_pathway__cluster__framework", flat=True)) == {"legacy"}
    assert programs.filter(subcluster_id="healthcare-human-services--physical-health").count() == 3


def test_demo_twice_creates_nothing_new(real_data):
    run("demo")
    before = counts()
    history = ProgramOfStudy.history.count()

    output = run("demo")

    assert "0 programs created, 0 updated, 10 unchanged" in output
    assert counts() == before
    assert ProgramOfStudy.history.count() == history


def test_demo_restores_an_edited_demonstration_program(real_data):
    run("demo")
    program = ProgramOfStudy.objects.get(
        district_id="3500990", title="Welding Technology (demonstration)"
    )
    program.sequence.filter(position=2).delete()

    assert "1 updated" in run("demo")
    assert program.sequence.count() == 4


def test_demo_needs_the_data_loaded(real_data):
    SubCluster.objects.filter(code="agriculture--animal-systems").delete()

    with pytest.raises(CommandError, match=r"load the data first \(pathways data load\)"):
        run("demo")
    assert not ProgramOfStudy.objects.exists()


def test_demo_remove_deletes_only_demonstration_data(real_data):
    call_command(
        "programs",
        "import",
        str(GOOD),
        "--user",
        StateAdminFactory().username,
        stdout=io.StringIO(),
    )
    run("demo")

    assert "10 programs deleted" in run("demo", "--remove")

    assert ProgramOfStudy.objects.count() == 2
    assert not Course.objects.filter(state_code__startswith="DEMO-").exists()
    assert not PostsecondaryProgram.objects.filter(institution__startswith="Demonstration").exists()


def test_import_command_reports_what_it_did(real_data):
    username = StateAdminFactory().username

    checked = run("import", str(GOOD), "--user", username, "--check")
    assert "2 would be created" in checked and "nothing was saved" in checked
    assert not ProgramOfStudy.objects.exists()

    assert "2 created" in run("import", str(GOOD), "--user", username)
    assert "2 unchanged" in run("import", str(GOOD), "--user", username)
    # Approving the drafts is a change; approving them again is not.
    assert "2 updated" in run("import", str(GOOD), "--user", username, "--status", "approved")
    assert "2 unchanged" in run("import", str(GOOD), "--user", username, "--status", "approved")
    assert set(ProgramOfStudy.objects.values_list("status", flat=True)) == {"approved"}


def test_import_command_errors_list_every_problem(real_data):
    coordinator = DistrictCoordinatorFactory()
    bad = GOOD.parent / "partly_bad.csv"

    with pytest.raises(CommandError) as error:
        run("import", str(bad), "--user", StateAdminFactory().username)
    assert "16 problem(s); nothing was loaded" in str(error.value)
    assert "partly_bad.csv, row 8, column 'position'" in str(error.value)

    with pytest.raises(CommandError, match="you may import programs of Albuquerque"):
        run("import", str(GOOD), "--user", coordinator.username)
    with pytest.raises(CommandError, match="Only state administrators"):
        run("import", str(GOOD), "--user", coordinator.username, "--status", "approved")
    with pytest.raises(CommandError, match="no user named 'nobody'"):
        run("import", str(GOOD), "--user", "nobody")
    with pytest.raises(CommandError, match="no such file"):
        run("import", "missing.csv", "--user", coordinator.username)


def test_export_command_writes_csv_to_stdout_and_xlsx_to_a_file(tmp_path, real_data):
    run("demo")

    text = run("export", "--district", "3500060")
    assert text.startswith("\ufeffdistrict_nces_id,program_title,")
    assert text.count("\r\n") == 1 + 3 * 4

    path = tmp_path / "all.xlsx"
    run("export", "--format", "xlsx", "--output", str(path))
    assert path.read_bytes().startswith(b"PK")
    # The export imports back with no change.
    assert "10 unchanged" in run(
        "import", str(path), "--user", StateAdminFactory().username, "--check"
    )

    with pytest.raises(CommandError, match="Unknown cluster or sub-cluster 'nope'"):
        run("export", "--cluster", "nope")
    with pytest.raises(CommandError, match="use --output FILE"):
        run("export", "--format", "xlsx")
