"""The guided editor's steps: each JSON Resume section, its fields, and what to say about it."""

from dataclasses import dataclass
from datetime import date
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
DATED = (START, END, HIGHLIGHTS)  # jobs, volunteering and projects end alike
FieldSpec = Field | tuple[str, "_StrPromise"] | tuple[str, "_StrPromise", str]

# One row a section: its name, title, advice, and fields as (JSON Resume name, label[, kind]).
TABLE: tuple[tuple[str, "_StrPromise", "_StrPromise", tuple[FieldSpec, ...]], ...] = (
    (
        "basics",
        _("About you"),
        _("Your name and how an employer can reach you. Use an e-mail address you check."),
        (
            ("name", _("Your name")),
            ("label", _("A few words about you (for example: Culinary arts student)")),
            ("email", _("E-mail")),
            ("phone", _("Phone")),
            ("location.city", _("City or town")),
            ("location.region", _("State")),
            ("summary", _("Summary: two or three sentences"), LONG_TEXT),
        ),
    ),
    (
        "education",
        _("School"),
        _("Your high school and any college classes. Add the classes that fit the job."),
        (
            ("institution", _("School or college")),
            ("studyType", _("What you are working toward")),
            ("area", _("Program or subject")),
            START,
            END,
            ("courses", _("Classes (one per line)"), LINES),
        ),
    ),
    (
        "work",
        _("Jobs"),
        _("Paid work counts, even babysitting, mowing lawns or a family business."),
        (
            ("name", _("Where you worked")),
            ("position", _("Your job title")),
            ("location", _("Town")),
            *DATED,
        ),
    ),
    (
        "volunteer",
        _("Volunteering"),
        _("Helping at church, a food bank, a team or an event shows you show up."),
        (("organization", _("Organization")), ("position", _("Your role")), *DATED),
    ),
    (
        "projects",
        _("Projects"),
        _("Class projects, a CTSO competition, something you built or made."),
        (
            ("name", _("Project name")),
            ("description", _("What it was, in one sentence"), LONG_TEXT),
            *DATED,
        ),
    ),
    (
        "skills",
        _("Skills"),
        _("Tools, machines, software and abilities you really have."),
        (
            ("name", _("Skill area (for example: Kitchen)")),
            ("level", _("How well (for example: Beginner, Skilled)")),
            ("keywords", _("Details, separated by commas"), WORDS),
        ),
    ),
    (
        "certificates",
        _("Credentials"),
        _("Industry credentials and certificates, with who gave them."),
        (("name", _("Credential")), ("issuer", _("Given by")), ("date", _("Date"), DATE)),
    ),
    (
        "awards",
        _("Awards"),
        _("Honor roll, competitions, perfect attendance, sports awards."),
        (
            ("title", _("Award")),
            ("awarder", _("Given by")),
            ("date", _("Date"), DATE),
            ("summary", _("What it was for"), LONG_TEXT),
        ),
    ),
    (
        "languages",
        _("Languages"),
        _("Speaking Spanish, Navajo, Tewa or another language is a real skill."),
        (("language", _("Language")), ("fluency", _("How well"))),
    ),
    (
        "interests",
        _("Interests"),
        _("One or two things you enjoy can start a conversation."),
        (("name", _("Interest")), ("keywords", _("Details, separated by commas"), WORDS)),
    ),
    (
        "references",
        _("References"),
        _("A teacher, coach or boss who agreed to speak for you."),
        (
            ("name", _("Name and how to reach them")),
            ("reference", _("How they know you"), LONG_TEXT),
        ),
    ),
)


def _field(spec: FieldSpec) -> Field:
    return spec if isinstance(spec, Field) else Field(*spec)


SECTIONS: tuple[Section, ...] = tuple(
    Section(name, title, advice, tuple(map(_field, fields)), single=name == "basics")
    for name, title, advice, fields in TABLE
)
BY_NAME = {section.name: section for section in SECTIONS}


DAY_FROM = {4: "{}-01-01", 7: "{}-01", 10: "{}"}  # a year or a month is checked as its 1st


def plausible_date(value: str) -> None:
    """A resume date is a year, year-month or day from 1950 to ten years ahead (an expected
    graduation or a credential's expiry), and a real one."""
    try:
        day = date.fromisoformat(DAY_FROM[len(value)].format(value))
    except (KeyError, ValueError):
        day = None
    if day is None or not 1950 <= day.year <= date.today().year + 10:
        raise forms.ValidationError(
            _(
                "Write a date from 1950 on as a year (2025), a year and month (2025-06) "
                "or a day (2025-06-14)."
            )
        )


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
                validators=[plausible_date] if field.kind == DATE else [],
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
