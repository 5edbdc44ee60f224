"""The site is safe by default and passes Django's deployment checks with production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PRODUCTION_ENV = REPO / "deploy" / "production.env.example"


def production_env(home: Path) -> dict[str, str]:
    """The documented production env file, as a deployment would fill it in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    for line in PRODUCTION_ENV.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["PATHWAYS_HOME"] = str(home)
    env["DJANGO_SECRET_KEY"] = "k" * 10 + "production-test-only-" + "q7Z" * 10
    return env


def settings_of(env: dict[str, str], *names: str) -> list[str]:
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'pathways.settings');"
        "django.setup(); from django.conf import settings;"
        f"print(*(repr(getattr(settings, n, None)) for n in {names!r}), sep='\\n')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_check_deploy_passes_with_the_documented_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pathways", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_use_postgresql_redis_and_smtp(tmp_path):
    engine, cache, email = settings_of(
        production_env(tmp_path), "DATABASES", "CACHES", "EMAIL_BACKEND"
    )
    assert "postgresql" in engine
    assert "django_redis" in cache
    assert "smtp" in email


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """No settings at all in the environment, as after a fresh clone."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env["PATHWAYS_HOME"] = str(tmp_path)
    return env


def test_debug_is_off_and_cookies_secure_unless_asked_for(bare_env):
    assert settings_of(bare_env, "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE") == [
        "False",
        "True",
        "True",
    ]
    assert settings_of({**bare_env, "DJANGO_DEBUG": "1"}, "DEBUG") == ["True"]


def test_without_mail_settings_reset_links_go_to_files_not_the_log(bare_env, tmp_path):
    backend, folder = settings_of(bare_env, "EMAIL_BACKEND", "EMAIL_FILE_PATH")
    assert backend == "'django.core.mail.backends.filebased.EmailBackend'"
    assert str(tmp_path / "mail") in folder


def test_a_secret_key_is_made_once_and_kept_private(bare_env, tmp_path):
    first = settings_of(bare_env, "SECRET_KEY")
    assert settings_of(bare_env, "SECRET_KEY") == first
    assert len(first[0]) > 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_a_reset_link_is_written_to_the_mail_folder_and_never_logged(
    client, settings, tmp_path, caplog
):
    import logging
    import re

    from tests.factories import UserFactory

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    UserFactory(email="ana@example.org", password="a long pass phrase 42")
    caplog.set_level(logging.DEBUG)

    client.post("/accounts/password/reset/", {"email": "ana@example.org"})

    (message,) = (tmp_path / "mail").iterdir()
    link = re.search(r"/accounts/password/reset/\S+/\S+/", message.read_text())
    assert link is not None
    assert link.group(0) not in caplog.text
