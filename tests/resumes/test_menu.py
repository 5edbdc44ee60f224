"""The site menu leads a signed-in user to their dashboard, and a student to their resume."""

import pytest

from tests.factories import CounselorFactory, StudentFactory
from tests.html import element

pytestmark = pytest.mark.django_db


def menu(client) -> str:  # type: ignore[no-untyped-def]
    return element(client.get("/programs/"), tag="details")  # the site menu


def test_a_student_finds_their_resume_and_dashboard_in_the_menu(client):
    client.force_login(StudentFactory())
    nav = menu(client)
    assert 'href="/resume/"' in nav and "My resume" in nav
    assert 'href="/accounts/home/"' in nav and "My dashboard" in nav


def test_a_counselor_has_a_dashboard_but_no_resume_of_their_own(client):
    client.force_login(CounselorFactory())
    nav = menu(client)
    assert 'href="/accounts/home/"' in nav
    assert 'href="/resume/"' not in nav


def test_a_visitor_sees_neither(client):
    nav = menu(client)
    assert 'href="/accounts/home/"' not in nav and 'href="/resume/"' not in nav
