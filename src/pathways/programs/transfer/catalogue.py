"""The shared catalogue an import writes to before its programs: state courses (one per
course code, used by every program that lists it), credentials and postsecondary programs.
A catalogue course another program uses changes only for those who may change it."""

from typing import Any

from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from pathways.datasets.errors import ErrorLog

from ..models import Course, Credential, PostsecondaryProgram
from .layout import CourseLine, ImportSummary, ProgramSpec, postsecondary_key, same_title


def attributed(obj: Any, user: Any) -> Any:
    """The object, its next audit record naming `user` (None: no one)."""
    if user is not None:
        obj._history_user = user
    return obj


class Catalogue:
    """Finds or creates what programs link to; what it creates goes into the summary."""

    def __init__(self, summary: ImportSummary, log: ErrorLog, user: Any, checked: Any) -> None:
        self.summary = summary
        self.log = log
        self.user = user  # whom the audit log names (None: no one)
        self.checked = checked  # whose rights are checked (None: no checks)

    def courses(self, programs: list[ProgramSpec]) -> dict[str, Course]:
        lines: dict[str, CourseLine] = {}
        for program in programs:
            for line in program.courses:
                lines.setdefault(line.code, line)
        found = {c.state_code: c for c in Course.objects.filter(state_code__in=list(lines))}
        new = []
        for code, line in sorted(lines.items()):
            course = found.get(code)
            if course is None:
                new.append(
                    Course(
                        state_code=code,
                        title=line.title,
                        credits=line.credits,
                        grade_min=line.grade_min,
                        grade_max=line.grade_max,
                    )
                )
                self.summary.courses_created.append(f"{code} {line.title}")
                continue
            if not same_title(course.title, line.title):
                self.log.add(
                    line.row,
                    "course_title",
                    _("course code %(code)s is '%(title)s' in the course catalogue")
                    % {"code": code, "title": course.title},
                )
                continue
            if (course.credits, course.grade_min, course.grade_max) != (
                line.credits,
                line.grade_min,
                line.grade_max,
            ):
                if self.checked is not None and not self.checked.has_perm(
                    "programs.change_course", course
                ):
                    self.log.add(
                        line.row,
                        "credits",
                        _(
                            "course %(code)s has %(credits)s credits, grades %(min)d to %(max)d "
                            "in the state course catalogue, and other programs use it; only "
                            "state staff can change it"
                        )
                        % {
                            "code": code,
                            "credits": course.credits,
                            "min": course.grade_min,
                            "max": course.grade_max,
                        },
                    )
                    continue
                course.credits = line.credits
                course.grade_min = line.grade_min
                course.grade_max = line.grade_max
                attributed(course, self.user).save()
                self.summary.courses_updated.append(f"{code} {course.title}")
        for course in bulk_create_with_history(new, Course, default_user=self.user):
            found[course.state_code] = course
        return found

    def credentials(self, programs: list[ProgramSpec]) -> dict[str, int]:
        names = {n.casefold(): n for p in programs for n in p.credentials}
        found = {
            c.name.casefold(): c.pk for c in Credential.objects.all() if c.name.casefold() in names
        }
        for key, name in sorted(names.items()):
            if key not in found:
                found[key] = Credential.objects.create(name=name).pk
                self.summary.credentials_created.append(name)
        return found

    def postsecondary(self, programs: list[ProgramSpec]) -> dict[tuple[str, str, str], int]:
        wanted = {postsecondary_key(ref): ref for p in programs for ref in p.postsecondary}
        cips = {ref.cip_code for ref in wanted.values()}
        found = {
            postsecondary_key(ps): ps.pk
            for ps in PostsecondaryProgram.objects.filter(cip_code__in=cips)
        }
        for key, ref in sorted(wanted.items()):
            if key not in found:
                found[key] = PostsecondaryProgram.objects.create(
                    institution=ref.institution, title=ref.title, cip_code=ref.cip_code
                ).pk
                self.summary.postsecondary_created.append(str(ref))
        return found
