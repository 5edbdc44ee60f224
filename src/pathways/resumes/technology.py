"""Skills suggestions from O*NET Technology Skills for the careers a student aims for.

The student names up to three careers (`meta.targetOccupations`, SOC codes), picked from the
careers they saved (pathways.saved) or found by a search; for each, the
technologies O*NET lists for its workers are offered, in-demand and hot ones first, and one
click adds a name to the resume's skills. Nothing is added unasked, and only a name O*NET
lists for one of the student's careers can be added (the form cannot smuggle in text).
"""

import copy
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from pathways.occupations import spanish
from pathways.occupations.models import OnetOccupation, OnetTechnology, SocCode
from pathways.saved.services import saved_occupations

from .documents import ResumeError, validate
from .models import Resume
from .schema import MAX_ITEMS, MAX_TARGETS

PER_CAREER = 12  # enough to choose from on a phone without a wall of names


@dataclass(frozen=True)
class Technology:
    name: str  # a product or kind of software, as O*NET names it ("Microsoft Excel")
    kind: str  # its commodity class ("Spreadsheet software"), published in English only
    hot: bool
    in_demand: bool
    added: bool


@dataclass(frozen=True)
class Career:
    soc: str
    title: str  # in the page's language where the project has a Spanish title
    technologies: list[Technology]


def targets(resume: Resume) -> list[str]:
    return list(resume.document.get("meta", {}).get("targetOccupations", []))


def _onet_codes(soc: str) -> list[str]:
    """The O*NET-SOC codes of an SOC occupation: its .00 code, else its detailed ones."""
    codes = list(OnetOccupation.objects.filter(soc_code=soc).values_list("code", flat=True))
    whole = f"{soc}.00"
    return [whole] if whole in codes else codes


def _in_skills(document: dict[str, Any]) -> set[str]:
    return {
        str(word).casefold()
        for item in document.get("skills", [])
        for word in item.get("keywords", [])
    }


def technologies_for(soc: str, limit: int = PER_CAREER) -> list[OnetTechnology]:
    rows = OnetTechnology.objects.filter(onet_code__in=_onet_codes(soc)).order_by(
        "-in_demand", "-hot", "example"
    )
    unique: dict[str, OnetTechnology] = {}
    for row in rows:
        unique.setdefault(row.example, row)
        if len(unique) == limit:
            break
    return list(unique.values())


def careers(resume: Resume) -> list[Career]:
    """Each target career with its suggested technologies (marked where already added)."""
    codes = targets(resume)
    titles = dict(SocCode.objects.filter(code__in=codes).values_list("code", "title"))
    have = _in_skills(resume.document)
    found = []
    for soc in codes:
        suggested = [
            Technology(
                row.example,
                row.commodity_title,
                row.hot,
                row.in_demand,
                row.example.casefold() in have,
            )
            for row in technologies_for(soc)
        ]
        title = spanish.local_title(soc, titles.get(soc, soc))
        found.append(Career(soc, title, suggested))
    return found


def _save_meta(resume: Resume, codes: list[str]) -> None:
    document = copy.deepcopy(resume.document)
    document.setdefault("meta", {})["targetOccupations"] = codes
    resume.document = validate(document)
    resume.save()


def saved_not_aimed_for(resume: Resume) -> list[SocCode]:
    """The careers the student saved that the resume does not aim for yet, newest first."""
    saved = saved_occupations(resume.owner).exclude(occupation_id__in=targets(resume))
    return [row.occupation for row in saved.select_related("occupation")]


def aim_for(resume: Resume, soc: str) -> None:
    """Add a career to the student's targets; ResumeError when unknown or one too many."""
    codes = targets(resume)
    if soc in codes:
        return
    if not SocCode.objects.filter(code=soc, level=SocCode.Level.DETAILED).exists():
        raise ResumeError(_("%(code)s is not an occupation code.") % {"code": soc[:20]})
    if len(codes) >= MAX_TARGETS:
        raise ResumeError(
            _("You can aim for %(count)d careers at a time; remove one first.")
            % {"count": MAX_TARGETS}
        )
    _save_meta(resume, [*codes, soc])


def stop_aiming(resume: Resume, soc: str) -> None:
    _save_meta(resume, [code for code in targets(resume) if code != soc])


def skill_heading(language: str) -> str:
    """The name of the skills item technologies go into, in the resume's language."""
    with translation.override(language):
        return _("Software and technology")


def add_technology(resume: Resume, soc: str, name: str) -> None:
    """Add one suggested technology to the resume's skills; ResumeError if it is not a
    suggestion for one of the student's careers or the list is full."""
    if soc not in targets(resume) or name not in {r.example for r in technologies_for(soc)}:
        raise ResumeError(_("That is not one of the suggestions for your careers."))
    document = copy.deepcopy(resume.document)
    if name.casefold() in _in_skills(document):
        return
    heading = skill_heading(resume.language)
    skills = document.setdefault("skills", [])
    item = next((i for i in skills if i.get("name") == heading), None)
    if item is None:
        if len(skills) >= MAX_ITEMS:
            raise ResumeError(_("Your skills list is full; remove one first."))
        item = {"name": heading, "keywords": []}
        skills.append(item)
    keywords = item.setdefault("keywords", [])
    if len(keywords) >= MAX_ITEMS:
        raise ResumeError(
            _("%(heading)s already lists %(count)d names; remove one first.")
            % {"heading": heading, "count": MAX_ITEMS}
        )
    keywords.append(name)
    resume.document = validate(document)
    resume.save()
