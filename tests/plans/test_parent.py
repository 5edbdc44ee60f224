"""A parent signs through a link and a separate code, without an account, in their language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pathways.plans.models import ParentLink
from pathways.plans.parents import issue_link
from tests.factories.plans import plan_with_version


@pytest.fixture
def plan(people, year):  # type: ignore[no-untyped-def]
    return plan_with_version(
        people.student,
        school_year=year,
        career_goals=[{"soc": "29-1141", "title": "Registered Nurses"}],
    )


def parent_url(link: ParentLink, language: str = "en") -> str:
    prefix = "/es" if language == "es" else ""
    return f"{prefix}/plans/parent/{link.token}/"


def sign(client, link, code, name="Maria Garcia", language="en"):  # type: ignore[no-untyped-def]
    data = {"name": name, "code": code, "version": "1", "confirm": "on"}
    return client.post(parent_url(link, language), data)


def test_the_student_makes_a_link_and_code_for_their_parent(client, people, plan):
    client.force_login(people.student)
    response = client.post(reverse("plans:parent_link", args=[plan.pk]), {"language": "es"})
    link = ParentLink.objects.get()
    assert f"/es/plans/parent/{link.token}/" in response.text
    assert link.code_digest not in response.text
    assert link.expires_at > timezone.now() + timedelta(days=13)


def test_a_parent_reads_the_plan_and_saved_careers_without_an_account(client, plan, people):
    link, _code = issue_link(plan, people.student, "en")
    page = client.get(parent_url(link))
    assert page.status_code == 200
    assert "Rosa&#x27;s Next Step Plan" in page.text or "Rosa's Next Step Plan" in page.text
    assert "Careers your student saved" in page.text and "Registered Nurses" in page.text
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]


def test_the_parent_page_is_in_spanish_under_es(client, plan, people):
    link, _code = issue_link(plan, people.student, "es")
    page = client.get(parent_url(link, "es"))
    assert 'lang="es"' in page.text
    assert "Firmar el plan" in page.text


def test_the_right_code_signs_the_latest_version(client, plan, people):
    link, code = issue_link(plan, people.student, "en")
    response = sign(client, link, code)
    assert response.status_code == 200
    assert "your signature is on the plan" in response.text
    signature = plan.latest_version().signatures.get()
    assert (signature.role, signature.name, signature.user) == ("parent", "Maria Garcia", None)


def test_a_wrong_code_is_refused_with_a_message_and_counted(client, plan, people):
    link, code = issue_link(plan, people.student, "en")
    wrong = "000000" if code != "000000" else "111111"
    response = sign(client, link, wrong)
    assert response.status_code == 403
    assert "That code is not right" in response.text
    link.refresh_from_db()
    assert link.failures == 1
    assert not plan.latest_version().signatures.exists()


def test_the_link_locks_after_five_wrong_codes(client, plan, people):
    link, code = issue_link(plan, people.student, "en")
    wrong = "000000" if code != "000000" else "111111"
    answers = [sign(client, link, wrong).status_code for _ in range(ParentLink.MAX_FAILURES)]
    assert answers[-1] == 429
    assert sign(client, link, code).status_code == 429  # even the right code, now


def test_an_expired_link_is_gone(client, plan, people):
    link, _code = issue_link(plan, people.student, "en")
    ParentLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(parent_url(link))
    assert response.status_code == 410
    assert "expired" in response.text


def test_a_made_up_link_is_not_found(client, db):
    response = client.get("/plans/parent/not-a-real-token/")
    assert response.status_code == 404
    assert "not valid" in response.text


def test_a_parent_name_that_is_too_long_is_refused(client, plan, people):
    link, code = issue_link(plan, people.student, "en")
    assert sign(client, link, code, name="x" * 121).status_code == 400


def test_no_parent_link_for_an_adult_student(client, people, plan):
    plan.adult = True
    plan.save()
    client.force_login(people.student)
    response = client.post(
        reverse("plans:parent_link", args=[plan.pk]), {"language": "en"}, follow=True
    )
    assert "no parent signature is needed" in response.text
    assert not ParentLink.objects.exists()


def test_another_student_cannot_invite_a_parent(client, people, plan):
    client.force_login(people.other_student)
    response = client.post(reverse("plans:parent_link", args=[plan.pk]), {"language": "en"})
    assert response.status_code == 403
