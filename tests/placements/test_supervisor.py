"""The supervisor's signed link: it works without an account, shows only the student's first
name, and is refused (403, with the reason) when expired, altered or replaced."""

import time
from decimal import Decimal

import pytest
from django.core import mail, signing
from django.urls import reverse

from pathways.placements import links
from pathways.placements.models import HoursEntry
from tests.factories.placements import HoursEntryFactory, PlacementFactory

pytestmark = pytest.mark.django_db
Status = HoursEntry.Status


@pytest.fixture
def placement():  # type: ignore[no-untyped-def]
    return PlacementFactory(
        student__first_name="Lucia", student__last_name="Montoya", student__student_id="NM555"
    )


def url(token: str) -> str:
    return reverse("placements:supervisor", args=[token])


def test_the_link_shows_the_first_name_and_the_days_waiting_only(client, placement):
    waiting = HoursEntryFactory(placement=placement, activity="Stocked the supply room")
    HoursEntryFactory(placement=placement, status=Status.VERIFIED, activity="Already verified")
    response = client.get(url(links.new_token(placement)))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Lucia" in text and "Montoya" not in text and "NM555" not in text
    assert waiting.activity in text and "Already verified" not in text
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_supervisor_approves_one_day_and_disputes_another(client, placement):
    good = HoursEntryFactory(placement=placement, hours=Decimal("4"))
    wrong = HoursEntryFactory(placement=placement, hours=Decimal("9"))
    token = links.new_token(placement)
    response = client.post(
        url(token),
        {
            f"entry-{good.pk}-decision": "approve",
            f"entry-{wrong.pk}-decision": "dispute",
            f"entry-{wrong.pk}-comment": "Closed that afternoon",
        },
    )
    assert response.status_code == 302
    good.refresh_from_db()
    wrong.refresh_from_db()
    assert good.status == Status.SUPERVISOR_APPROVED
    assert (wrong.status, wrong.comment) == (Status.DISPUTED, "Closed that afternoon")


def test_a_dispute_without_a_comment_is_sent_back_with_a_message(client, placement):
    entry = HoursEntryFactory(placement=placement)
    response = client.post(
        url(links.new_token(placement)), {f"entry-{entry.pk}-decision": "dispute"}
    )
    assert response.status_code == 400
    assert "Say what is wrong" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.LOGGED


def test_an_expired_link_is_refused(client, placement, monkeypatch):
    HoursEntryFactory(placement=placement)
    month_ago = int(time.time()) - (links.LINK_DAYS + 1) * 24 * 60 * 60
    with monkeypatch.context() as patched:
        old_stamp = signing.b62_encode(month_ago)
        patched.setattr(signing.TimestampSigner, "timestamp", lambda self: old_stamp)
        token = links.new_token(placement)
    response = client.get(url(token))
    assert response.status_code == 403
    assert "expired" in response.content.decode()


@pytest.mark.parametrize("change", ["tamper", "garbage", "long"])
def test_an_altered_link_is_refused(client, placement, change):
    token = links.new_token(placement)
    bad = {
        "tamper": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "garbage": "not-a-token",
        "long": "x" * 300,
    }[change]
    response = client.get(url(bad))
    assert response.status_code == 403
    assert "not valid" in response.content.decode()


def test_a_token_for_another_placement_id_cannot_be_forged(client, placement):
    other = PlacementFactory()
    links.new_token(other)
    forged = signing.dumps([other.pk, placement.link_nonce or "guess"], salt="wrong-salt")
    assert client.get(url(forged)).status_code == 403


def test_sending_a_new_link_ends_the_old_one(client, placement):
    HoursEntryFactory(placement=placement)
    old = links.new_token(placement)
    links.new_token(placement)
    response = client.get(url(old))
    assert response.status_code == 403
    assert "replaced" in response.content.decode()


def test_the_student_sends_the_link_to_the_supervisor_only(client, placement):
    HoursEntryFactory(placement=placement)
    client.force_login(placement.student)
    response = client.post(reverse("placements:send_link", args=[placement.pk]))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["rosa.chavez@example.org"]
    link = next(line for line in message.body.splitlines() if "/supervisor/" in line)
    assert "Montoya" not in message.body
    page = client.get(link.replace("http://testserver", ""))
    assert page.status_code == 200
    # The student's own page never shows the link.
    own = client.get(reverse("placements:placement", args=[placement.pk]))
    assert "/supervisor/" not in own.content.decode()
