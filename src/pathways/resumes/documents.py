"""Checking, importing and exporting JSON Resume documents."""

import json
import re
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft7Validator

from .schema import MAX_BYTES, SCHEMA

_VALIDATOR = Draft7Validator(SCHEMA)
# Text is shown as text, never as markup; a tag in it is a mistake or an attack, so say so.
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


class ResumeError(ValueError):
    """A document that is not a JSON Resume this site can keep; the message says where."""


def _where(path: Any) -> str:
    return "/".join(str(part) for part in path) or _("the document")


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Any:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def validate(document: Any) -> dict[str, Any]:
    """The document if it is a valid, bounded JSON Resume without markup; else ResumeError."""
    size = len(json.dumps(document, ensure_ascii=False).encode())
    if size > MAX_BYTES:
        raise ResumeError(
            _("The resume is %(size)d bytes; the limit is %(limit)d.")
            % {"size": size, "limit": MAX_BYTES}
        )
    errors = sorted(_VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise ResumeError(
            _("Not a valid JSON Resume at %(where)s: %(problem)s")
            % {"where": _where(first.absolute_path), "problem": first.message[:300]}
        )
    for path, text in _strings(document):
        if _MARKUP.search(text):
            raise ResumeError(
                _(
                    "Text at %(where)s contains HTML markup (a < sign before a letter); "
                    "write plain text."
                )
                % {"where": _where(path)}
            )
    return document


def parse(raw: bytes | str) -> dict[str, Any]:
    """A document from uploaded JSON text, checked; ResumeError with the reason otherwise."""
    if len(raw) > MAX_BYTES:
        raise ResumeError(
            _("The file is %(size)d bytes; the limit is %(limit)d.")
            % {"size": len(raw), "limit": MAX_BYTES}
        )
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ResumeError(_("The file is not JSON: %(problem)s") % {"problem": exc}) from exc
    if not isinstance(document, dict):
        raise ResumeError(_("A JSON Resume is one JSON object, in braces { }."))
    return validate(document)


def export(document: dict[str, Any]) -> str:
    """The document as a JSON Resume file another tool can read."""
    out = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
    }
    out.update(document)
    return json.dumps(out, ensure_ascii=False, indent=2)
