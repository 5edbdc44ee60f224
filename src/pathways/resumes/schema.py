"""The JSON Resume v1.0.0 schema (https://jsonresume.org/schema), written here from the
specification's list of sections and fields, with bounds so that a stored resume stays small.

This project's own fields live under `meta` (JSON Resume leaves `meta` open for that):
`meta.cte` (program of study and the status the status engine gave) and
`meta.workBasedLearning` (kind, organization, hours and school year of each experience) and
`meta.targetOccupations` (SOC codes of the careers the student aims for).
"""

from typing import Any

MAX_BYTES = 64_000  # a ten-page resume is well under this
SHORT = 200  # names, titles, places
LONG = 2_000  # summaries and bullet points
MAX_ITEMS = 30
MAX_TARGETS = 3  # careers a student aims for at once

DATE = {
    "type": "string",
    "maxLength": 10,
    # ISO 8601 as JSON Resume allows it: a year, a year-month, or a full date.
    "pattern": r"^$|^[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?)?$",
}


def _text(length: int = SHORT) -> dict[str, Any]:
    return {"type": "string", "maxLength": length}


def _list(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "maxItems": MAX_ITEMS, "items": items}


def _object(**fields: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": fields}


HIGHLIGHTS = _list(_text(LONG))
KEYWORDS = _list(_text())
URL = _text(500)

SECTIONS: dict[str, dict[str, Any]] = {
    "work": _object(
        name=_text(),
        location=_text(),
        description=_text(),
        position=_text(),
        url=URL,
        startDate=DATE,
        endDate=DATE,
        summary=_text(LONG),
        highlights=HIGHLIGHTS,
    ),
    "volunteer": _object(
        organization=_text(),
        position=_text(),
        url=URL,
        startDate=DATE,
        endDate=DATE,
        summary=_text(LONG),
        highlights=HIGHLIGHTS,
    ),
    "education": _object(
        institution=_text(),
        url=URL,
        area=_text(),
        studyType=_text(),
        startDate=DATE,
        endDate=DATE,
        score=_text(),
        courses=_list(_text()),
    ),
    "awards": _object(title=_text(), date=DATE, awarder=_text(), summary=_text(LONG)),
    "certificates": _object(name=_text(), date=DATE, url=URL, issuer=_text()),
    "publications": _object(
        name=_text(), publisher=_text(), releaseDate=DATE, url=URL, summary=_text(LONG)
    ),
    "skills": _object(name=_text(), level=_text(), keywords=KEYWORDS),
    "languages": _object(language=_text(), fluency=_text()),
    "interests": _object(name=_text(), keywords=KEYWORDS),
    "references": _object(name=_text(), reference=_text(LONG)),
    "projects": _object(
        name=_text(),
        description=_text(LONG),
        highlights=HIGHLIGHTS,
        keywords=KEYWORDS,
        startDate=DATE,
        endDate=DATE,
        url=URL,
        roles=_list(_text()),
        entity=_text(),
        type=_text(),
    ),
}

BASICS = _object(
    name=_text(),
    label=_text(),
    image=URL,
    email={"type": "string", "maxLength": SHORT, "pattern": r"^$|^[^@\s]+@[^@\s]+$"},
    phone=_text(40),
    url=URL,
    summary=_text(LONG),
    location=_object(
        address=_text(),
        postalCode=_text(20),
        city=_text(),
        countryCode=_text(2),
        region=_text(),
    ),
    profiles=_list(_object(network=_text(), username=_text(), url=URL)),
)

META = {
    "type": "object",
    "properties": {
        "canonical": URL,
        "version": _text(20),
        "lastModified": _text(40),
        "cte": _list(
            _object(program=_text(), district=_text(), status=_text(40), schoolYear=_text(10))
        ),
        # The careers (SOC codes) the student aims for: what skill suggestions are drawn from.
        "targetOccupations": {
            "type": "array",
            "maxItems": MAX_TARGETS,
            "items": {"type": "string", "pattern": r"^[0-9]{2}-[0-9]{4}$"},
        },
        "workBasedLearning": _list(
            _object(
                kind=_text(40),
                organization=_text(),
                hours={"type": ["integer", "null"], "minimum": 0, "maximum": 10_000},
                schoolYear=_text(10),
            )
        ),
    },
    "additionalProperties": {"type": ["string", "number", "boolean", "null"], "maxLength": SHORT},
}

SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "JSON Resume v1.0.0 (New Mexico Career Pathways profile)",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "$schema": URL,
        "basics": BASICS,
        **{name: _list(item) for name, item in SECTIONS.items()},
        "meta": META,
    },
}
