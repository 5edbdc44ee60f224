from datetime import date

import pytest

from pathways.programs.models import Credential
from pathways.resumes import prefill, services
from pathways.students.models import CredentialEarned
from tests.factories.accounts import StudentFactory


def _by_section(resume):  # type: ignore[no-untyped-def]
    return {s.section: s for s in prefill.suggestions(resume)}


def test_records_are_offered_but_not_added_until_the_student_says_so(student_with_records):
    resume = services.resume_for(student_with_records)
    found = _by_section(resume)
    assert found["meta.cte"].item["program"] == "Welding Technology"
    assert found["meta.cte"].item["status"] == "completer"
    assert found["certificates"].item == {"name": "AWS Welder"}
    assert found["meta.workBasedLearning"].item["hours"] == 120
    assert "education" in found
    assert resume.document.get("certificates") is None


def test_school_and_expected_graduation_come_from_the_records(student_with_records):
    resume = services.resume_for(student_with_records)
    school = next(s for s in prefill.suggestions(resume) if s.key.startswith("school:"))
    assert school.item["institution"] == "Test School 001"
    assert school.item["endDate"] == "2026"
    assert "Course W199" in school.item["courses"]


def test_dual_credit_names_the_college_and_credits(student_with_records):
    resume = services.resume_for(student_with_records)
    dual = next(s for s in prefill.suggestions(resume) if s.key.startswith("dual:"))
    assert dual.item["institution"] == "Central New Mexico Community College"
    assert dual.item["courses"] == ["WELD 1010 (3.0 credits)"]


def test_an_added_record_goes_in_once_and_a_declined_one_is_not_offered_again(
    student_with_records,
):
    resume = services.resume_for(student_with_records)
    credential = next(s for s in prefill.suggestions(resume) if s.section == "certificates")
    cte = next(s for s in prefill.suggestions(resume) if s.section == "meta.cte")
    assert prefill.decide(resume, credential.key, add=True)
    assert prefill.decide(resume, cte.key, add=False)
    resume.refresh_from_db()
    assert resume.document["certificates"] == [{"name": "AWS Welder"}]
    assert "cte" not in resume.document["meta"]
    keys = {s.key for s in prefill.suggestions(resume)}
    assert credential.key not in keys and cte.key not in keys
    assert not prefill.decide(resume, credential.key, add=True)


@pytest.mark.django_db
def test_a_student_without_linked_records_gets_no_suggestions():
    resume = services.resume_for(StudentFactory(student_id=""))
    assert prefill.suggestions(resume) == []


@pytest.mark.django_db
def test_a_credential_comes_with_its_issuer_and_date_from_the_records(student_with_records):
    CredentialEarned.objects.filter(student_id="S900").update(
        issuer="American Welding Society", date_earned=date(2025, 4, 2)
    )
    resume = services.resume_for(student_with_records)
    found = next(s for s in prefill.suggestions(resume) if s.section == "certificates")
    assert found.item == {
        "name": "AWS Welder",
        "issuer": "American Welding Society",
        "date": "2025-04-02",
    }


@pytest.mark.django_db
def test_an_issuer_the_records_lack_comes_from_the_credentials_catalogue(student_with_records):
    Credential.objects.create(name="AWS Welder", issuer="American Welding Society")
    resume = services.resume_for(student_with_records)
    found = next(s for s in prefill.suggestions(resume) if s.section == "certificates")
    assert found.item == {"name": "AWS Welder", "issuer": "American Welding Society"}
