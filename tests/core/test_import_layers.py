"""The import-linter layers (pyproject.toml) cover every app and every datasets module,
so a new app or loader cannot slip past `lint-imports` unchecked."""

import pkgutil
import tomllib
from pathlib import Path

import pathways
import pathways.datasets

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
# Settings, entry points and Django's per-language number formats import no app.
NOT_LAYERED = {"settings", "wsgi", "asgi", "__main__", "formats", "locale", "static", "templates"}


def layered_modules() -> set[str]:
    config = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    return {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}


def test_every_app_has_a_layer():
    apps = {m.name for m in pkgutil.iter_modules(pathways.__path__)} - NOT_LAYERED
    missing = {f"pathways.{a}" for a in apps if a != "datasets"} - layered_modules()
    assert not missing, f"add to [tool.importlinter] layers: {sorted(missing)}"


def test_every_datasets_module_has_a_layer():
    modules = {m.name for m in pkgutil.iter_modules(pathways.datasets.__path__)}
    missing = {f"pathways.datasets.{m}" for m in modules - {"apps", "migrations"}}
    missing -= layered_modules()
    assert not missing, f"add to [tool.importlinter] layers: {sorted(missing)}"
