"""The guided editor's steps: each JSON Resume section, its fields, and what to say about it."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .schema import LONG, SHORT

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

TEXT, LONG_TEXT, DATE, LINES, WORDS = "text", "long", "date", "lines", "words"


@dataclass(frozen=True)
class Field:
    name: str  # the JSON Resume field; "location.city" for a nested one
    label: "_StrPromise"
    kind: str = TEXT


@dataclass(frozen=True)
class Section:
    name: str
    title: "_StrPromise"
    advice: "_StrPromise"
    fields: tuple[Field, ...]
    single: bool = False  # basics is one object, every other section a list


START, END = Field("startDate", _("Started"), DATE), Field("endDate", _("Ended"), DATE)
HIGHLIGHTS = Field("highlights", _("What you did (one per line)"), LINES)

SECTIONS: tuple[Section, ...] = (
    Section(
        "basics",
        _("About you"),
        _("Your name and how an employer can reach you. Use an e-mail address you check."),
        (
            Field("name", _("Your name")),
            Field("label", _("A few words about you (for example: Culinary arts student)")),
            Field("email", _("E-mail")),
            Field("phone", _("Phone")),
            Field("location.city", _("City or town")),
            Field("location.region", _("State")),
            Field("summary", _("Summary: two or three sentences"), LONG_TEXT),
        ),
        single=True,
    ),
    Section(
        "education",
        _("School"),
        _("Your high school and any college classes. Add the classes that fit the job."),
        (
            Field("institution", _("School or college")),
            Field("studyType", _("What you are working toward")),
            Field("area", _("Program or subject")),
            START,
            END,
            Field("courses", _("Classes (one per line)"), LINES),
        ),
    ),
    Section(
        "work",
        _("Jobs"),
        _("Paid work counts, even babysitting, mowing lawns or a family business."),
        (
            Field("name", _("Where you worked")),
            Field("position", _("Your job title")),
            Field("location", _("Town")),
            START,
            END,
            HIGHLIGHTS,
        ),
    ),
    Section(
        "volunteer",
        _("Volunteering"),
        _("Helping at church, a food bank, a team or an event shows you show up."),
        (
            Field("organization", _("Organization")),
            Field("position", _("Your role")),
            START,
            END,
            HIGHLIGHTS,
        ),
    ),
    Section(
        "projects",
        _("Projects"),
        _("Class projects, a CTSO competition, something you built or made."),
        (
            Field("name", _("Project name")),
            Field("description", _("What it was, in one sentence"), LONG_TEXT),
            START,
            END,
            HIGHLIGHTS,
        ),
    ),
    Section(
        "skills",
        _("Skills"),
        _("Tools, machines, software and abilities you really have."),
        (
            Field("name", _("Skill area (for example: Kitchen)")),
            Field("level", _("How well (for example: Beginner, Skilled)")),
            Field("keywords", _("Details, separated by commas"), WORDS),
        ),
    ),
    Section(
        "certificates",
        _("Credentials"),
        _("Industry credentials and certificates, with who gave them."),
        (
            Field("name", _("Credential")),
            Field("issuer", _("Given by")),
            Field("date", _("Date"), DATE),
        ),
    ),
    Section(
        "awards",
        _("Awards"),
        _("Honor roll, competitions, perfect attendance, sports awards."),
        (
            Field("title", _("Award")),
            Field("awarder", _("Given by")),
            Field("date", _("Date"), DATE),
            Field("summary", _("What it was for"), LONG_TEXT),
        ),
    ),
    Section(
        "languages",
        _("Languages"),
        _("Speaking Spanish, Navajo, Tewa or another language is a real skill."),
        (Field("language", _("Language")), Field("fluency", _("How well"))),
    ),
    Section(
        "interests",
        _("Interests"),
        _("One or two things you enjoy can start a conversation."),
        (Field("name", _("Interest")), Field("keywords", _("Details, separated by commas"), WORDS)),
    ),
    Section(
        "references",
        _("References"),
        _("A teacher, coach or boss who agreed to speak for you."),
        (
            Field("name", _("Name and how to reach them")),
            Field("reference", _("How they know you"), LONG_TEXT),
        ),
    ),
)
BY_NAME = {section.name: section for section in SECTIONS}


def form_class(section: Section) -> type[forms.Form]:
    """A server-rendered form for one item of the section."""
    fields: dict[str, forms.Field] = {}
    for field in section.fields:
        key = field.name.replace(".", "__")
        if field.kind in (LONG_TEXT, LINES):
            fields[key] = forms.CharField(
                label=field.label,
                required=False,
                max_length=LONG * 4 if field.kind == LINES else LONG,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        else:
            fields[key] = forms.CharField(
                label=field.label,
                required=False,
                max_length=SHORT * 4 if field.kind == WORDS else SHORT,
                help_text=_("A year (2025) or year and month (2025-06).")
                if field.kind == DATE
                else "",
            )
    return type(f"{section.name.title()}Form", (forms.Form,), fields)


def to_item(section: Section, cleaned: dict[str, Any]) -> dict[str, Any]:
    """The JSON Resume item from a form's cleaned data; empty fields are left out."""
    item: dict[str, Any] = {}
    for field in section.fields:
        value = (cleaned.get(field.name.replace(".", "__")) or "").strip()
        if field.kind == LINES:
            parsed: Any = [line.strip() for line in value.splitlines() if line.strip()]
        elif field.kind == WORDS:
            parsed = [word.strip() for word in value.split(",") if word.strip()]
        else:
            parsed = value
        if not parsed:
            continue
        if "." in field.name:
            outer, inner = field.name.split(".", 1)
            item.setdefault(outer, {})[inner] = parsed
        else:
            item[field.name] = parsed
    return item


def to_initial(section: Section, item: dict[str, Any]) -> dict[str, str]:
    """A form's initial data from a stored item."""
    initial: dict[str, str] = {}
    for field in section.fields:
        if "." in field.name:
            outer, inner = field.name.split(".", 1)
            value: Any = (item.get(outer) or {}).get(inner, "")
        else:
            value = item.get(field.name, "")
        if isinstance(value, list):
            value = ("\n" if field.kind == LINES else ", ").join(str(v) for v in value)
        initial[field.name.replace(".", "__")] = str(value)
    return initial
