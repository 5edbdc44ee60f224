"""Loading as a whole: provenance, atomicity, idempotence and the `pathways data` command."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pathways.datasets import soc_2018
from pathways.datasets.errors import ImportValidationError
from pathways.datasets.loading import load_source, source_module
from pathways.datasets.models import DataSource
from pathways.datasets.registry import all_sources, get_source
from pathways.occupations.models import SocCode
from tests.datasets.test_soc_2018 import GOOD_ROWS, soc_file

pytestmark = pytest.mark.django_db


def test_load_records_provenance_with_checksums_and_counts(tmp_path):
    path = soc_file(tmp_path, GOOD_ROWS)
    load_source(get_source("soc_2018"), files={soc_2018.FILE: path})

    record = DataSource.objects.get(slug="soc_2018")
    assert record.vintage == "SOC 2018"
    assert record.licence.startswith("Public domain")
    assert record.row_counts == {"SOC codes": 4}
    assert re.fullmatch(r"[0-9a-f]{64}", record.files[soc_2018.FILE])


def test_failed_load_leaves_previous_rows_and_provenance(tmp_path):
    good = soc_file(tmp_path, GOOD_ROWS)
    load_source(get_source("soc_2018"), files={soc_2018.FILE: good})
    before = DataSource.objects.get(slug="soc_2018").loaded_at
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = soc_file(bad_dir, [["Detailed", "29-1141", "", ""]])

    with pytest.raises(ImportValidationError, match="row 5, column 'SOC Title': is empty"):
        load_source(get_source("soc_2018"), files={soc_2018.FILE: bad})

    assert SocCode.objects.count() == 4
    assert DataSource.objects.get(slug="soc_2018").loaded_at == before


def test_error_during_writing_rolls_back_the_whole_source(tmp_path, monkeypatch):
    good = soc_file(tmp_path, GOOD_ROWS)
    load_source(get_source("soc_2018"), files={soc_2018.FILE: good})

    def delete_then_fail(files):
        SocCode.objects.all().delete()
        raise RuntimeError("disk full")

    monkeypatch.setattr(soc_2018, "load", delete_then_fail)
    with pytest.raises(RuntimeError):
        load_source(get_source("soc_2018"), files={soc_2018.FILE: good})
    assert SocCode.objects.count() == 4


def test_status_lists_every_source_with_rows(tmp_path, capsys):
    load_source(get_source("soc_2018"), files={soc_2018.FILE: soc_file(tmp_path, GOOD_ROWS)})
    call_command("data", "status")
    out = capsys.readouterr().out
    assert re.search(r"soc_2018\s+SOC 2018\s+loaded .*SOC codes 4", out)
    for source in all_sources():
        assert source.slug in out


def test_load_command_reports_a_bad_mirror_as_an_error_not_a_traceback(tmp_path):
    with pytest.raises(
        CommandError, match=r"soc_2018_definitions.xlsx is not in the mirror folder"
    ):
        call_command("data", "load", "--only", "soc_2018", "--mirror", str(tmp_path))


def test_load_command_rejects_an_unknown_source():
    with pytest.raises(CommandError, match="unknown source 'wages' \\(known: state_profile"):
        call_command("data", "load", "--only", "wages")


def test_console_command_prints_a_message_and_exits_nonzero(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pathways",
            "data",
            "load",
            "--only",
            "soc_2018",
            "--mirror",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env={"PATHWAYS_HOME": str(tmp_path), "PATH": ""},
        check=False,
    )
    assert result.returncode == 1
    assert "is not in the mirror folder" in result.stderr
    assert "Traceback" not in result.stderr


class TestRegistry:
    """The repository checks itself: every source is documented and checksummed."""

    @pytest.mark.parametrize("source", all_sources(), ids=lambda s: s.slug)
    def test_source_has_licence_attribution_and_vintage(self, source):
        assert source.licence and source.vintage and source.attribution and source.publisher

    @pytest.mark.parametrize("source", all_sources(), ids=lambda s: s.slug)
    def test_every_file_has_an_official_url_and_sha256(self, source):
        if source.kind in ("profile", "derived"):
            assert not source.files
            return
        assert source.files
        for item in source.files:
            assert re.fullmatch(r"[0-9a-f]{64}", item.sha256), item.name
            assert item.url.startswith("https://"), item.name

    @pytest.mark.parametrize("source", all_sources(), ids=lambda s: s.slug)
    def test_every_source_has_a_loader(self, source):
        assert callable(source_module(source.slug).load)


def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_migrations_folder_exists_for_every_app():
    apps = Path(__file__).resolve().parents[2] / "src" / "pathways"
    for app in ("core", "datasets", "geography", "occupations", "framework", "programs"):
        assert (apps / app / "migrations" / "__init__.py").exists(), app
