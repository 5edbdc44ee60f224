"""The project's Spanish titles of CIP 2020 programs (issue #16): complete for every program
the site can show, attributed, and shown with lang="es" on Spanish pages."""

import csv
import re
import tomllib
from pathlib import Path

import pytest

from pathways.datasets.nces_cip import ENCODING, INACTIVE, unformula
from pathways.occupations.models import CipCode, CipSocLink, SocCode
from pathways.occupations.spanish import cip_titles
from pathways.programs.management.demo import PROGRAMS
from tests.html import table_rows

SRC = Path(__file__).resolve().parents[2] / "src" / "pathways"
CIP_DIR = SRC / "occupations" / "spanish" / "cip"
PROGRAM = re.compile(r"\d\d\.\d{4}")


def test_every_file_says_it_is_this_projects_translation_of_cip_2020():
    files = sorted(CIP_DIR.glob("*.toml"))
    assert len(files) >= 40
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "New Mexico Career Pathways" in first and "CIP 2020" in first, path.name


def test_every_entry_is_a_6_digit_code_of_its_series_with_spanish_text():
    for path in CIP_DIR.glob("*.toml"):
        for code, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            assert PROGRAM.fullmatch(code) and code[:2] == path.stem, (path.name, code)
            assert entry["title"].strip(), code


def test_the_demonstration_programs_cip_codes_have_spanish_titles():
    codes = {code for program in PROGRAMS.values() for *_, code in program.postsecondary}
    assert codes and codes - set(cip_titles()) == set()


def _active_programs(mirror: Path) -> dict[str, str]:
    path = mirror / "nces_cip" / "CIPCode2020.csv"
    with path.open(encoding=ENCODING, newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = {unformula(r["CIPCode"]): r["CIPTitle"] for r in rows if r["Action"] not in INACTIVE}
    return {code: title for code, title in codes.items() if PROGRAM.fullmatch(code)}


@pytest.mark.mirror
def test_every_active_cip_2020_program_has_a_spanish_title(mirror):
    active = _active_programs(mirror)
    assert len(active) > 2000
    assert set(active) - set(cip_titles()) == set()
    assert set(cip_titles()) - set(active) == set()


@pytest.mark.mirror
@pytest.mark.django_db
def test_every_program_an_occupation_page_can_show_has_a_spanish_title(real_data):
    pages = SocCode.objects.filter(level=SocCode.Level.DETAILED).values_list("code", flat=True)
    shown = set(CipSocLink.objects.filter(soc_code__in=pages).values_list("cip_code", flat=True))
    assert len(shown) > 1500
    assert shown - set(cip_titles()) == set()


@pytest.mark.django_db
def test_a_spanish_occupation_page_shows_cip_titles_in_spanish(client, labour_market):
    html = client.get("/es/occupations/29-1141/").content.decode()
    english = CipCode.objects.get(code="51.3801").title
    rows = table_rows(html, "programs-caption")
    assert ["51.3801", "Enfermería registrada/enfermero(a) registrado(a)"] in rows
    assert f'<span lang="en">{english}</span>' not in html


@pytest.mark.django_db
def test_an_english_occupation_page_keeps_the_nces_title(client, labour_market):
    html = client.get("/occupations/29-1141/").content.decode()
    english = CipCode.objects.get(code="51.3801").title
    assert ["51.3801", english] in table_rows(html, "programs-caption")
