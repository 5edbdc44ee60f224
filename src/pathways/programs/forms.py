"""Forms for the program editor: the program's details, its course sequence, what it
leads to and work-based learning, and the state review. Catalogue entries are in
`forms_catalogue`, the public list's filters in `forms_public`."""

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from pathways.framework.models import Framework, SubCluster
from pathways.framework.names import name_key

from . import sequence
from .models import Course, ProgramOfStudy, WorkBasedLearning

MAX_ROWS = 30


class GroupedModelChoiceIterator(ModelChoiceIterator):
    """Choices grouped under `field.group_by(obj)`, for <optgroup>s."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[Any]] = {}
        objects = list(self.queryset)
        sort_key = getattr(self.field, "sort_key", None)
        if sort_key is not None:  # e.g. by the names in the page's language
            objects.sort(key=sort_key)
        for obj in objects:
            group = getattr(self.field, "group_by")(obj)  # noqa: B009 (not in the stubs)
            groups.setdefault(group, []).append(self.choice(obj))
        yield from groups.items()


class SubClusterField(forms.ModelChoiceField):
    """A 2024 sub-cluster or a legacy pathway, grouped by cluster."""

    iterator = GroupedModelChoiceIterator

    def __init__(self, framework: str, **kwargs: Any) -> None:
        queryset = (
            SubCluster.objects.filter(cluster__framework=framework)
            .select_related("cluster")
            .order_by("cluster__name", "name")
        )
        super().__init__(queryset=queryset, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.local_name)

    @staticmethod
    def group_by(obj: SubCluster) -> str:
        return obj.cluster.local_name

    @staticmethod
    def sort_key(obj: SubCluster) -> tuple[str, str]:
        return name_key(obj.cluster.local_name), name_key(obj.local_name)


class ProgramForm(forms.ModelForm):
    """A program's details. District staff write for their own district; a state
    administrator (who has none) picks the district."""

    subcluster = SubClusterField(
        Framework.MODERN,
        label=_("2024 sub-cluster"),
        help_text=_("Where the program sits in the 2024 National Career Clusters Framework."),
        empty_label=_("Choose a sub-cluster"),
    )
    legacy_pathway = SubClusterField(
        Framework.LEGACY,
        required=False,
        label=_("Legacy pathway (optional)"),
        help_text=_("The pathway in the legacy 16-cluster framework, if you still report it."),
        empty_label=_("None"),
    )

    class Meta:
        model = ProgramOfStudy
        fields = [
            "title",
            "district",
            "description",
            "subcluster",
            "legacy_pathway",
            "is_demonstration",
        ]
        labels = {
            "title": _("Program title"),
            "district": _("District"),
            "description": _("Description (optional)"),
            "is_demonstration": _("Demonstration data"),
        }
        help_texts = {
            "description": _("What students learn and do, in a few sentences."),
            "is_demonstration": _(
                "Tick for a made-up example; it is labelled “Demonstration data” everywhere."
            ),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if user.district_id:
            del self.fields["district"]
            if self.instance.pk is None:
                self.instance.district_id = user.district_id
        else:
            district = self.fields["district"]
            assert isinstance(district, forms.ModelChoiceField)
            district.empty_label = _("Choose a district")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        title = cleaned.get("title")
        district = cleaned.get("district") or (
            self.instance.district if self.instance.district_id else None
        )
        if title and district:
            clash = ProgramOfStudy.objects.filter(
                district=district, title__iexact=title, revision_of__isnull=True
            ).exclude(pk__in=[self.instance.pk, self.instance.revision_of_id])
            # Case-insensitive, so stricter than the (district, title) constraint, which
            # then never fails with its own, less clear, message.
            if clash.exists():
                self.add_error(
                    "title",
                    _("%(district)s already has a program called “%(title)s”.")
                    % {"district": district, "title": title},
                )
        return cleaned


# ---------------------------------------------------------------- the course sequence


class CourseCodeField(forms.CharField):
    """A course named by its state course code (as typed, or picked from the catalogue list)."""

    def clean(self, value: Any) -> Course | None:
        text = super().clean(value)
        if not text:
            return None
        code = text.strip()
        course = Course.objects.filter(state_code__iexact=code).first()
        if course is None and " " in code:  # "CODE Title" or "CODE — Title"
            course = Course.objects.filter(state_code__iexact=code.split()[0]).first()
        if course is None:
            raise forms.ValidationError(
                _("No course with the state code “%(code)s” is in the catalogue."),
                code="unknown_course",
                params={"code": code},
            )
        return course


class SequenceRowForm(forms.Form):
    course = CourseCodeField(
        required=False,
        max_length=220,
        label=_("Course"),
        help_text=_("State course code, e.g. 0501. Pick from the list or type it."),
        widget=forms.TextInput(
            attrs={"list": "course-catalogue", "autocomplete": "off", "class": "course-input"}
        ),
    )
    position = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=99,
        label=_("Position"),
        help_text=_("1 is taken first. Leave empty to put it at the end."),
        widget=forms.NumberInput(attrs={"class": "position-input", "inputmode": "numeric"}),
    )
    is_capstone = forms.BooleanField(required=False, label=_("Capstone course"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        empty = not cleaned.get("course") and not self.errors and not cleaned.get("DELETE")
        if empty and (cleaned.get("is_capstone") or cleaned.get("position")):
            message = _("Enter a course for this row, or leave the whole row empty.")
            self.add_error("course", message)
        return cleaned


def _label_remove(form: forms.BaseForm) -> None:
    if "DELETE" in form.fields:
        form.fields["DELETE"].label = _("Remove")


class BaseSequenceFormSet(forms.BaseFormSet):
    """The ordered course sequence. Saving needs a consistent sequence (no course or
    position twice, at most one capstone); submitting needs a complete one (see
    sequence.validate_sequence)."""

    def add_fields(self, form: forms.BaseForm, index: int | None) -> None:
        super().add_fields(form, index)
        _label_remove(form)

    def rows(self) -> list[tuple[Course, bool]]:
        """The filled, kept rows in order: by position, unnumbered rows last."""
        kept = []
        for index, form in enumerate(self.forms):
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("course"):
                continue
            kept.append((data.get("position") or 1000, index, data["course"], data["is_capstone"]))
        kept.sort(key=lambda row: (row[0], row[1]))
        return [(course, capstone) for _p, _i, course, capstone in kept]

    def clean(self) -> None:
        if any(self.errors):
            return
        courses: dict[int, forms.Form] = {}
        positions: dict[int, forms.Form] = {}
        capstones = []
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("course"):
                continue
            course = data["course"]
            if course.pk in courses:
                form.add_error("course", _("This course is already in the sequence."))
            courses[course.pk] = form
            position = data.get("position")
            if position:
                if position in positions:
                    form.add_error("position", _("Another course already has this position."))
                positions[position] = form
            if data.get("is_capstone"):
                capstones.append(form)
        if len(capstones) > 1:
            for form in capstones:
                form.add_error("is_capstone", _("Only one course can be the capstone."))
            raise forms.ValidationError(
                _("Mark only one course as the capstone."), code="capstones"
            )


def sequence_formset(extra: int) -> type[BaseSequenceFormSet]:
    return forms.formset_factory(  # type: ignore[return-value]
        SequenceRowForm,
        formset=BaseSequenceFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )


def sequence_initial(program: ProgramOfStudy) -> list[dict[str, Any]]:
    return [
        {
            "course": pc.course.state_code,
            "position": pc.position,
            "is_capstone": pc.is_capstone,
            "title": pc.course.title,  # shown in the row's legend, not a field
        }
        for pc in sequence.ordered_sequence(program)
    ]


# ---------------------------------------------------------------- what the program leads to


class LinksForm(forms.ModelForm):
    class Meta:
        model = ProgramOfStudy
        fields = ["postsecondary_programs", "credentials"]
        labels = {
            "postsecondary_programs": _("Postsecondary programs"),
            "credentials": _("Industry-recognized credentials"),
        }
        widgets = {
            "postsecondary_programs": forms.CheckboxSelectMultiple,
            "credentials": forms.CheckboxSelectMultiple,
        }


class WorkBasedLearningForm(forms.ModelForm):
    class Meta:
        model = WorkBasedLearning
        fields = ["kind", "description", "partner"]
        labels = {
            "kind": _("Kind"),
            "description": _("Description (optional)"),
            "partner": _("Employer or partner (optional)"),
        }


class BaseWorkBasedLearningFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form: Any, index: int | None) -> None:
        super().add_fields(form, index)
        _label_remove(form)


def wbl_formset(extra: int) -> type[forms.BaseInlineFormSet]:
    return forms.inlineformset_factory(
        ProgramOfStudy,
        WorkBasedLearning,
        form=WorkBasedLearningForm,
        formset=BaseWorkBasedLearningFormSet,
        can_delete=True,
        extra=extra,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )


# ---------------------------------------------------------------- review and public filters


class ReviewForm(forms.Form):
    comment = forms.CharField(
        required=False,
        max_length=2000,
        label=_("Comment to the district"),
        help_text=_("Required when you return the program: say what to change."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
