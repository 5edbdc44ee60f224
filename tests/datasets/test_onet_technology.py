import shutil
from pathlib import Path

import pytest

from pathways.datasets import onet_technology
from pathways.datasets.errors import ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.occupations.models import OnetTechnology
from tests.factories.occupations import OnetOccupationFactory

NAME = "Technology Skills.txt"
CODES = {"15-1252.00", "29-1141.00", "29-1141.01", "47-2111.00"}


@pytest.fixture
def folder(fixtures: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(fixtures / "onet_technology", tmp_path / "onet"))


def edit(folder: Path, row: int, column: str, value: str) -> None:
    path = folder / NAME
    lines = [line.split("\t") for line in path.read_bytes().decode().split("\r\n")]
    lines[row - 1][lines[0].index(column)] = value
    path.write_text("\r\n".join("\t".join(f) for f in lines), encoding="utf-8", newline="")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ImportValidationError) as raised:
        onet_technology.parse({NAME: folder / NAME}, CODES)
    return [str(p) for p in raised.value.problems]


def test_the_registry_names_the_official_file():
    (item,) = get_source("onet_technology").files
    assert item.url == "https://www.onetcenter.org/dl_files/database/db_30_1_text.zip"
    assert item.member == "db_30_1_text/Technology Skills.txt"
    assert len(item.sha256) == 64


def test_fixture_is_in_the_official_format(fixtures):
    data = (fixtures / "onet_technology" / NAME).read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.split(b"\r\n")[0].split(b"\t")[-1] == b"In Demand"


def test_rows_keep_the_hot_and_in_demand_flags(fixtures):
    rows = onet_technology.parse({NAME: fixtures / "onet_technology" / NAME}, CODES)
    by_name = {(r.onet_code, r.example): r for r in rows}
    excel = by_name[("29-1141.00", "Microsoft Excel")]
    assert (excel.commodity_title, excel.commodity_code) == ("Spreadsheet software", 43232110)
    assert (excel.hot, excel.in_demand) == (True, False)
    docker = by_name[("15-1252.00", "Docker")]
    assert (docker.hot, docker.in_demand) == (True, True)
    assert not by_name[("29-1141.00", "YouTube")].hot
    assert len(rows) == 25


def test_an_unknown_occupation_and_a_bad_flag_name_row_and_column(folder):
    edit(folder, 3, "O*NET-SOC Code", "29-9999.00")
    edit(folder, 5, "Hot Technology", "maybe")
    found = problems(folder)
    assert any("row 3" in p and "O*NET-SOC Code" in p and "29-9999.00" in p for p in found)
    assert any("row 5" in p and "Hot Technology" in p and "maybe" in p for p in found)
    assert all(NAME in p for p in found)


def test_a_commodity_code_out_of_range_is_refused(folder):
    edit(folder, 2, "Commodity Code", "12")
    (found,) = problems(folder)
    assert "Commodity Code" in found and "row 2" in found


def test_an_oversize_name_is_refused_not_truncated(folder):
    edit(folder, 4, "Example", "x" * 201)
    (found,) = problems(folder)
    assert "Example" in found and "limit is 200" in found


@pytest.mark.django_db
def test_load_replaces_the_rows_and_records_provenance(fixtures, folder):
    for code in CODES:
        OnetOccupationFactory(code=code, soc_code=code[:7], soc__code=code[:7])
    source = get_source("onet_technology")
    files = {NAME: folder / NAME}
    first = load_source(source, files=files)
    assert first.row_counts == {"Technologies by occupation": 25}
    edit(folder, 2, "Example", "Allscripts Sunrise Clinical Manager")
    load_source(source, files=files)
    nurse = OnetTechnology.objects.filter(onet_code="29-1141.00")
    names = set(nurse.values_list("example", flat=True))
    assert "Allscripts Sunrise Clinical Manager" in names and "Allscripts Sunrise" not in names
    assert OnetTechnology.objects.count() == 25


@pytest.mark.django_db
def test_nothing_loads_before_the_occupations(fixtures, monkeypatch):
    class NoOccupations:  # O*NET before its first load, whatever the session loaded
        class objects:
            @staticmethod
            def values_list(*args: object, **kwargs: object) -> list[str]:
                return []

    monkeypatch.setattr(onet_technology, "OnetOccupation", NoOccupations)
    OnetTechnology.objects.all().delete()
    with pytest.raises(ImportValidationError):
        onet_technology.load({NAME: fixtures / "onet_technology" / NAME})
    assert not OnetTechnology.objects.exists()


@pytest.mark.mirror
@pytest.mark.django_db
def test_the_mirror_loads_every_technology_row(mirror):
    load_source(get_source("onet"), mirror)
    report = load_source(get_source("onet_technology"), mirror)
    # 32,774 lines with the header, as PROVENANCE.md counts them.
    assert report.row_counts == {"Technologies by occupation": 32773}
    epic = OnetTechnology.objects.get(onet_code="29-1141.00", example="Epic Systems")
    assert (epic.commodity_title, epic.hot) == ("Medical software", True)
