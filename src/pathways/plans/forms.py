"""The plan form. Its choices come from the student's own lists (saved careers, the
district's approved programs, the chosen program's courses and what it leads to), so a
forged value is an invalid choice, answered 400 with the reason."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pathways.programs.models import (
    Course,
    Credential,
    PostsecondaryProgram,
    ProgramOfStudy,
    WorkBasedLearning,
)

from .content import HIGH_SCHOOL_GRADES, MAX_GOALS, NOTE_MAX, TEXT_MAX, Content, PlannedCourse
from .models import GRADES

EXTRA_COURSES = 3
GRADE_CHOICES = [("", _("Not planned"))] + [(str(g), str(g)) for g in HIGH_SCHOOL_GRADES]


def _choices(form: forms.Form, name: str, choices: list[tuple[str, Any]]) -> None:
    form.fields[name].choices = choices  # type: ignore[attr-defined]


def district_programs(student: Any) -> Any:
    """The approved programs of study of the student's district."""
    return (
        ProgramOfStudy.objects.visible_to(student)
        .approved()
        .filter(district_id=student.district_id)
        .order_by("title")
    )


def district_catalogue(student: Any) -> Any:
    """Courses placed in the district's approved programs: its CTE catalogue."""
    programs = district_programs(student)
    return Course.objects.filter(placements__program__in=programs).distinct().order_by("state_code")


def suggested_grade(position: int, course: Course) -> int:
    """A first guess a student then changes: one course a year from grade 9, within the
    grades the catalogue allows."""
    grade = min(HIGH_SCHOOL_GRADES[0] + position - 1, HIGH_SCHOOL_GRADES[-1])
    return max(course.grade_min, min(grade, course.grade_max))


class PlanForm(forms.Form):
    grade = forms.TypedChoiceField(
        label=_("Grade this school year"), choices=[(str(g), str(g)) for g in GRADES], coerce=int
    )
    adult = forms.BooleanField(
        label=_("I am 18 or older (no parent signature is needed)"), required=False
    )
    career_goals = forms.MultipleChoiceField(
        label=_("Career goals (from your saved careers)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    program = forms.TypedChoiceField(
        label=_("Program of study"), required=False, coerce=int, empty_value=None
    )
    postsecondary = forms.TypedMultipleChoiceField(
        label=_("After high school"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    postsecondary_note = forms.CharField(
        label=_("Other plans after high school"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    work_based_learning = forms.MultipleChoiceField(
        label=_("Work-based learning I intend to do"),
        required=False,
        choices=WorkBasedLearning.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    credentials = forms.TypedMultipleChoiceField(
        label=_("Credentials I intend to earn"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    graduate_profile = forms.CharField(
        label=_("How this plan fits my district's graduate profile"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    changes_explanation = forms.CharField(
        label=_("Why my plan changed since last year"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    iep_transition = forms.BooleanField(
        label=_("An IEP transition plan serves as this plan"), required=False
    )
    iep_note = forms.CharField(
        label=_("Note about the IEP transition plan"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args: Any,
        student: Any,
        saved: list[tuple[str, str]],
        program: ProgramOfStudy | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.student = student
        self.saved = dict(saved)
        self.programs = {p.pk: p for p in district_programs(student)}
        self.chosen = program if program is not None and program.pk in self.programs else None
        _choices(self, "career_goals", saved)
        _choices(
            self,
            "program",
            [("", _("Not chosen yet"))] + [(str(pk), p.title) for pk, p in self.programs.items()],
        )
        self.sequence = (
            list(self.chosen.sequence.select_related("course").order_by("position"))
            if self.chosen
            else []
        )
        for placement in self.sequence:
            self.fields[f"course_{placement.position}"] = forms.TypedChoiceField(
                label=f"{placement.course.state_code} {placement.course.title}",
                choices=GRADE_CHOICES,
                required=False,
                coerce=int,
                empty_value=None,
                initial=str(suggested_grade(placement.position, placement.course)),
            )
        catalogue = [("", _("None"))] + [
            (c.state_code, f"{c.state_code} {c.title}") for c in district_catalogue(student)
        ]
        self.catalogue_titles = {code: label for code, label in catalogue}
        for n in range(1, EXTRA_COURSES + 1):
            self.fields[f"extra_course_{n}"] = forms.ChoiceField(
                label=_("Another course from the district's catalogue"),
                choices=catalogue,
                required=False,
            )
            self.fields[f"extra_grade_{n}"] = forms.TypedChoiceField(
                label=_("Grade for that course"),
                choices=GRADE_CHOICES,
                required=False,
                coerce=int,
                empty_value=None,
            )
        self.postsecondary_options: dict[int, PostsecondaryProgram] = (
            {p.pk: p for p in self.chosen.postsecondary_programs.all()} if self.chosen else {}
        )
        _choices(
            self, "postsecondary", [(str(k), str(p)) for k, p in self.postsecondary_options.items()]
        )
        self.credential_options: dict[int, Credential] = (
            {c.pk: c for c in self.chosen.credentials.all()} if self.chosen else {}
        )
        _choices(
            self, "credentials", [(str(k), c.name) for k, c in self.credential_options.items()]
        )

    def clean_career_goals(self) -> list[str]:
        goals: list[str] = self.cleaned_data["career_goals"]
        if len(goals) > MAX_GOALS:
            raise forms.ValidationError(
                _("Choose at most %(max)d career goals.") % {"max": MAX_GOALS}
            )
        return goals

    def course_fields(self) -> list[Any]:
        return [self[f"course_{p.position}"] for p in self.sequence]

    def extra_fields(self) -> list[tuple[Any, Any]]:
        return [
            (self[f"extra_course_{n}"], self[f"extra_grade_{n}"])
            for n in range(1, EXTRA_COURSES + 1)
        ]

    def content(self) -> Content:
        """The cleaned form as a version's content (see content.py)."""
        data = self.cleaned_data
        program_id = data.get("program")
        switched = program_id != (self.chosen.pk if self.chosen else None)
        program = self.programs.get(program_id) if program_id else None
        courses: list[PlannedCourse] = []
        if program is not None:
            sequence = (
                self.sequence
                if not switched
                else list(program.sequence.select_related("course").order_by("position"))
            )
            for placement in sequence:
                grade = (
                    suggested_grade(placement.position, placement.course)
                    if switched
                    else data.get(f"course_{placement.position}")
                )
                courses.append(
                    {
                        "code": placement.course.state_code,
                        "title": placement.course.title,
                        "grade": grade,
                    }
                )
        planned = {c["code"] for c in courses}
        for n in range(1, EXTRA_COURSES + 1):
            code, grade = data.get(f"extra_course_{n}"), data.get(f"extra_grade_{n}")
            if code and code not in planned:
                title = self.catalogue_titles[code].removeprefix(f"{code} ")
                courses.append({"code": code, "title": title, "grade": grade})
                planned.add(code)
        postsecondary = self.postsecondary_options if not switched else {}
        credentials = self.credential_options if not switched else {}
        return {
            "career_goals": [{"soc": s, "title": self.saved[s]} for s in data["career_goals"]],
            "program": {"id": program.pk, "title": program.title} if program else None,
            "courses": courses,
            "postsecondary": [
                {
                    "id": pk,
                    "title": postsecondary[pk].title,
                    "institution": postsecondary[pk].institution,
                }
                for pk in data["postsecondary"]
                if pk in postsecondary
            ],
            "postsecondary_note": data["postsecondary_note"],
            "work_based_learning": list(data["work_based_learning"]),
            "credentials": [
                {"id": pk, "name": credentials[pk].name}
                for pk in data["credentials"]
                if pk in credentials
            ],
            "graduate_profile": data["graduate_profile"],
            "changes_explanation": data["changes_explanation"],
            "iep_transition": data["iep_transition"],
            "iep_note": data["iep_note"],
        }


def initial_from(content: Content, grade: int, adult: bool) -> dict[str, Any]:
    """The form's starting values from the latest version."""
    program = content.get("program") or {}
    initial: dict[str, Any] = {
        "grade": str(grade),
        "adult": adult,
        "career_goals": [g["soc"] for g in content.get("career_goals", [])],
        "program": str(program["id"]) if program else "",
        "postsecondary": [str(p["id"]) for p in content.get("postsecondary", [])],
        "credentials": [str(c["id"]) for c in content.get("credentials", [])],
    }
    for key in (
        "postsecondary_note",
        "work_based_learning",
        "graduate_profile",
        "changes_explanation",
        "iep_transition",
        "iep_note",
    ):
        initial[key] = content.get(key)
    return initial


def apply_initial_courses(form: PlanForm, content: Content) -> None:
    """The saved grade of each course, sequence and extra, onto the form's fields."""
    by_code = {c["code"]: c for c in content.get("courses", [])}
    in_sequence = set()
    for placement in form.sequence:
        code = placement.course.state_code
        in_sequence.add(code)
        if code in by_code:
            grade = by_code[code].get("grade")
            form.initial[f"course_{placement.position}"] = str(grade) if grade else ""
    extras = [c for c in content.get("courses", []) if c["code"] not in in_sequence]
    for n, course in enumerate(extras[:EXTRA_COURSES], start=1):
        form.initial[f"extra_course_{n}"] = course["code"]
        form.initial[f"extra_grade_{n}"] = str(course["grade"]) if course.get("grade") else ""


class SignForm(forms.Form):
    version = forms.IntegerField(min_value=1, max_value=32767, widget=forms.HiddenInput)
    confirm = forms.BooleanField(label=_("I have read this version of the plan and agree to it."))


class ParentSignForm(SignForm):
    name = forms.CharField(label=_("Your name"), max_length=120)
    code = forms.CharField(
        label=_("The code you were given"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
