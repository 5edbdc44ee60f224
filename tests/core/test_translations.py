"""The Spanish catalogue is complete and current: every UI string has a translation."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "pathways"
PO = PACKAGE / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_every_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_catalogue_covers_every_string_in_the_code(tmp_path, monkeypatch):
    copy = tmp_path / "pathways"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["es"], no_location=True, verbosity=0)
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/es/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(PO))}
    assert sorted(fresh - committed) == [], "run `make messages` and translate the new strings"


def test_compiled_catalogue_matches_the_source():
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(MO)) if e.msgid}
    source = {e.msgid: e.msgstr for e in polib.pofile(str(PO)) if not e.obsolete}
    assert compiled == source, "run `make messages` to recompile django.mo"


@pytest.mark.parametrize("path", ["/es/", "/es/data/"])
@pytest.mark.django_db
def test_spanish_pages_show_no_english_navigation(client, path):
    html = client.get(path).content.decode()
    for english in ("Skip to main content", ">Home<", ">Data sources<", ">Language<"):
        assert english not in html
