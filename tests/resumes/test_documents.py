import json

import pytest

from pathways.resumes.documents import ResumeError, export, parse, validate
from pathways.resumes.schema import MAX_BYTES

VALID = {
    "basics": {"name": "Ana García", "email": "ana@example.org", "location": {"city": "Taos"}},
    "work": [{"name": "Taos Diner", "position": "Server", "startDate": "2025-06"}],
    "skills": [{"name": "Kitchen", "keywords": ["knife skills", "food safety"]}],
    "meta": {"cte": [{"program": "Culinary Arts", "status": "concentrator"}]},
}


def test_a_json_resume_survives_export_and_import():
    assert parse(export(VALID)) == {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        **VALID,
    }


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"work": [{"startDate": "June 2025"}]}, "work/0/startDate"),
        ({"work": {"name": "x"}}, "work"),
        ({"basics": {"name": "x" * 201}}, "basics/name"),
        ({"hobbies": []}, "the document"),
        ({"basics": {"email": "not an address"}}, "basics/email"),
    ],
)
def test_an_invalid_document_is_refused_naming_where(document, where):
    with pytest.raises(ResumeError, match=where):
        validate(document)


def test_script_in_text_is_refused():
    with pytest.raises(ResumeError, match="HTML markup"):
        validate({"basics": {"summary": "Hi <script>alert(1)</script>"}})


def test_a_less_than_sign_in_plain_text_is_fine():
    validate({"basics": {"summary": "I lifted < 50 lb and scored 3<4 goals"}})


def test_an_oversize_file_is_refused_before_parsing():
    with pytest.raises(ResumeError, match="limit"):
        parse(b" " * (MAX_BYTES + 1))


def test_a_file_that_is_not_json_says_so():
    with pytest.raises(ResumeError, match="not JSON"):
        parse(b"{basics: ")


def test_a_json_list_is_not_a_resume():
    with pytest.raises(ResumeError, match="one JSON object"):
        parse(json.dumps([VALID]))
