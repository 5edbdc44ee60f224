"""Data loads and student imports take turns, and the one refused says why and for how long."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from pathways.core import locks
from pathways.students.models import CourseCompletion
from tests.factories import StateAdminFactory

pytestmark = pytest.mark.django_db


def _held_elsewhere(activity: str) -> tuple[threading.Event, "_Release"]:
    """Hold the lock in another thread (another process would do the same) until released."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        from django.db import connection

        try:
            with locks.exclusive(activity):
                taken.set()
                release.wait(10)
        finally:
            connection.close()

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert taken.wait(5)
    return taken, _Release(release, holder)


class _Release:
    """Let the holder go and wait until it has: the next test must find the lock free."""

    def __init__(self, event: threading.Event, holder: threading.Thread) -> None:
        self.event, self.holder = event, holder

    def set(self) -> None:
        self.event.set()
        self.holder.join(10)


def test_a_second_job_is_refused_with_what_runs_and_when_to_retry():
    _, release = _held_elsewhere("load")
    try:
        with pytest.raises(locks.Busy) as refused, locks.exclusive("import"):
            pass
    finally:
        release.set()
    assert "A data load is running; try again in" in str(refused.value)
    assert refused.value.retry_after >= 5


def test_the_lock_is_free_again_after_a_job_and_after_a_failure():
    with pytest.raises(ValueError), locks.exclusive("load"):
        raise ValueError
    with locks.exclusive("import"):
        pass


def test_a_data_load_during_an_import_stops_with_the_message():
    _, release = _held_elsewhere("import")
    try:
        with pytest.raises(CommandError, match="A student import is running; try again in"):
            call_command("data", "load", "--only", "state_profile")
    finally:
        release.set()


def test_a_web_upload_during_a_load_says_so_on_its_job_page(client: Client) -> None:
    from tests.students.test_views import course_file, good_row, post_upload

    client.force_login(StateAdminFactory())
    _, release = _held_elsewhere("load")
    try:
        response = post_upload(client, course_file(good_row()))
    finally:
        release.set()
    # Uploads run as background jobs: the job stops at once, saves nothing and says why.
    assert response.status_code == 200
    assert "A data load is running; try again in" in response.content.decode()
    assert not CourseCompletion.objects.exists()
