"""The project's Spanish occupation content (titles, descriptions, tasks) is complete,
attributed, and keyed by real O*NET codes. Pages read it under issue #16."""

import csv
import gzip
import tomllib
from pathlib import Path

import pytest

SPANISH = Path(__file__).resolve().parents[2] / "src" / "pathways" / "occupations" / "spanish"
KINDS = ("titles", "descriptions", "tasks")


def _entries(kind: str) -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for path in sorted((SPANISH / kind).glob("*.toml")):
        entries.update(tomllib.loads(path.read_text(encoding="utf-8")))
    return entries


def _onet_rows(mirror: Path, name: str) -> list[dict[str, str]]:
    path = mirror / "onet" / name
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("kind", KINDS)
def test_every_file_says_it_is_this_projects_translation_under_cc_by(kind):
    files = sorted((SPANISH / kind).glob("*.toml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "New Mexico Career Pathways" in first and "CC BY 4.0" in first, path.name


def test_every_entry_has_spanish_text():
    for code, entry in _entries("titles").items():
        assert entry["title"].strip(), code
    for code, entry in _entries("descriptions").items():
        assert entry["description"].strip(), code
    for code, tasks in _entries("tasks").items():
        assert tasks and all(text.strip() for text in tasks.values()), code


@pytest.mark.mirror
def test_every_onet_occupation_has_a_spanish_title_and_description(mirror):
    codes = {row["O*NET-SOC Code"] for row in _onet_rows(mirror, "Occupation Data.txt")}
    assert codes - set(_entries("titles")) == set()
    assert codes - set(_entries("descriptions")) == set()
    assert set(_entries("descriptions")) - codes == set()


@pytest.mark.mirror
def test_every_translated_task_is_a_core_task_of_its_occupation(mirror):
    core = {
        (row["O*NET-SOC Code"], row["Task ID"])
        for row in _onet_rows(mirror, "Task Statements.txt.gz")
        if row["Task Type"] == "Core"
    }
    translated = {(code, task) for code, tasks in _entries("tasks").items() for task in tasks}
    assert translated - core == set()
