"""Changing a resume: one item at a time, the whole document, and how long it has grown."""

import copy
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .documents import validate
from .models import Resume
from .sections import Section

# A first resume fits on one page: about 450 words in the designs here.
ONE_PAGE_WORDS = 450
LONG_BULLET_WORDS = 30

# Strong bullet points: an action word, what you did, and a number or a result.
EXAMPLES = {
    "work": [
        _("Served 40+ customers a shift at the counter and handled cash without errors."),
        _("Trained two new employees on opening and closing the snack bar."),
    ],
    "volunteer": [
        _("Sorted and packed 300 food boxes for families during the holiday drive."),
        _("Read with second graders every week for a school year."),
    ],
    "projects": [
        _("Built a raised garden bed with my team and kept a budget of $120."),
        _("Placed third in the regional SkillsUSA welding contest."),
    ],
}


def resume_for(user: Any) -> Resume:
    """The user's resume, started empty the first time."""
    resume, _created = Resume.objects.get_or_create(owner=user)
    return resume


def replace_document(resume: Resume, document: dict[str, Any]) -> None:
    """Keep a new whole document (an import, or the API), checked first."""
    resume.document = validate(document)
    resume.save()


def save_item(resume: Resume, section: Section, item: dict[str, Any], index: int | None) -> None:
    """Put an item in a section (a new one when index is None); ResumeError if it does not fit."""
    document = copy.deepcopy(resume.document)
    if section.single:
        document[section.name] = item
    else:
        items = document.setdefault(section.name, [])
        if index is None:
            items.append(item)
        elif 0 <= index < len(items):
            items[index] = item
        else:
            raise IndexError(index)
    replace_document(resume, document)


def remove_item(resume: Resume, section_name: str, index: int) -> None:
    """Take one item out of a section (or of meta.cte / meta.workBasedLearning)."""
    if section_name.startswith("meta."):
        items = resume.document.get("meta", {}).get(section_name.removeprefix("meta."), [])
    else:
        items = resume.document.get(section_name, [])
    if not 0 <= index < len(items):
        raise IndexError(index)
    del items[index]
    resume.save()


@dataclass(frozen=True)
class LengthCheck:
    words: int
    long_bullets: int

    @property
    def too_long(self) -> bool:
        return self.words > ONE_PAGE_WORDS


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, dict):
        return [w for item in value.values() for w in _words(item)]
    if isinstance(value, list):
        return [w for item in value for w in _words(item)]
    return []


def length_check(document: dict[str, Any]) -> LengthCheck:
    """How many words the resume holds, and how many bullet points run long."""
    words = len(_words({k: v for k, v in document.items() if k not in ("meta", "$schema")}))
    bullets = [
        h
        for name in ("work", "volunteer", "projects")
        for item in document.get(name, [])
        for h in item.get("highlights", [])
    ]
    long_bullets = sum(1 for b in bullets if len(b.split()) > LONG_BULLET_WORDS)
    return LengthCheck(words=words, long_bullets=long_bullets)
