"""Skills suggestions from O*NET Technology Skills for the careers a student aims for."""

import pytest
from django.urls import reverse

from pathways.occupations.models import OnetTechnology
from pathways.resumes.models import Resume
from pathways.saved.services import save_occupation
from tests.factories.accounts import StudentFactory
from tests.factories.occupations import (
    OnetOccupationFactory,
    OnetTechnologyFactory,
    SocCodeFactory,
)
from tests.html import visible_text

SKILLS = "/resume/skills/"


@pytest.fixture
def nurse(db):  # type: ignore[no-untyped-def]
    soc = SocCodeFactory(code="29-1141", title="Registered Nurses")
    OnetOccupationFactory(soc=soc)
    OnetTechnology.objects.all().delete()  # only these three, even after the mirror's load
    OnetTechnologyFactory(example="Epic Systems", hot=True, in_demand=True)
    OnetTechnologyFactory(
        example="Microsoft Excel", commodity_title="Spreadsheet software", hot=True
    )
    OnetTechnologyFactory(example="Allscripts Sunrise", hot=False)
    return soc


@pytest.fixture
def student(db):  # type: ignore[no-untyped-def]
    return StudentFactory()


def aim(client, soc: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("resumes:target"), {"soc": soc, "action": "add"})


def test_a_career_search_offers_careers_to_aim_for(client, student, nurse):
    client.force_login(student)
    page = visible_text(client.get(SKILLS, {"career": "nurse"}).content.decode())
    assert "Registered Nurses (29-1141)" in page
    assert "Aim for this career" in page


def test_saved_careers_are_offered_until_the_resume_aims_for_them(client, student, nurse):
    save_occupation(student, "29-1141")
    client.force_login(student)
    page = visible_text(client.get(SKILLS).content.decode())
    assert "Careers you saved Registered Nurses (29-1141) Aim for this career" in page
    aim(client, "29-1141")
    page = visible_text(client.get(SKILLS).content.decode())
    assert "Careers you saved" not in page and "Epic Systems" in page


def test_aiming_for_a_career_lists_its_technologies_in_demand_first(client, student, nurse):
    client.force_login(student)
    assert aim(client, "29-1141").status_code == 302
    page = visible_text(client.get(SKILLS).content.decode())
    assert page.index("Epic Systems") < page.index("Microsoft Excel") < page.index("Allscripts")
    assert "in demand in job postings for this career" in page
    assert "often asked for by employers" in page
    assert "O*NET 30.1 Database" in page and "CC BY 4.0" in page


def test_one_click_adds_a_technology_to_the_skills(client, student, nurse):
    client.force_login(student)
    aim(client, "29-1141")
    url = reverse("resumes:add_technology")
    client.post(url, {"soc": "29-1141", "name": "Microsoft Excel"})
    client.post(url, {"soc": "29-1141", "name": "Microsoft Excel"})  # twice: still once
    client.post(url, {"soc": "29-1141", "name": "Epic Systems"})
    resume = Resume.objects.get(owner=student)
    assert resume.document["skills"] == [
        {"name": "Software and technology", "keywords": ["Microsoft Excel", "Epic Systems"]}
    ]
    assert "in your skills" in visible_text(client.get(SKILLS).content.decode())


def test_only_a_suggested_name_can_be_added(client, student, nurse):
    client.force_login(student)
    aim(client, "29-1141")
    response = client.post(
        reverse("resumes:add_technology"), {"soc": "29-1141", "name": "Anything I like"}
    )
    assert response.status_code == 400
    assert "not one of the suggestions" in response.content.decode()
    # Not a career the student aims for either.
    response = client.post(
        reverse("resumes:add_technology"), {"soc": "47-2111", "name": "Epic Systems"}
    )
    assert response.status_code == 400
    assert "skills" not in Resume.objects.get(owner=student).document


def test_an_unknown_career_and_a_fourth_one_are_refused(client, student, nurse):
    client.force_login(student)
    assert aim(client, "99-9999").status_code == 400
    for code in ("11-1011", "13-2011", "15-1252"):
        SocCodeFactory(code=code, title=f"Occupation {code}")
        aim(client, code)
    response = aim(client, "29-1141")
    assert response.status_code == 400
    assert "3 careers at a time" in response.content.decode()
    client.post(reverse("resumes:target"), {"soc": "11-1011", "action": "remove"})
    assert aim(client, "29-1141").status_code == 302


def test_an_oversize_search_is_refused(client, student, nurse):
    client.force_login(student)
    assert client.get(SKILLS, {"career": "n" * 101}).status_code == 400


def test_spanish_page_keeps_technology_names_in_english_marked(client, student, nurse):
    client.force_login(student)
    aim(client, "29-1141")
    page = client.get("/es/resume/skills/").content.decode()
    assert '<span lang="en">Microsoft Excel</span>' in page
    assert '<span lang="en">Spreadsheet software</span>' in page
    assert "CC BY 4.0" in page and "Base de datos O*NET 30.1" in page
