"""The placement, hours and decision forms; every field bounded."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pathways.accounts.rules import placement_teachers_for
from pathways.core.school_years import current_school_year
from pathways.programs.models import ProgramOfStudy
from pathways.students.progress import school_year_label

from .hours import MAX_COMMENT
from .models import MAX_HOURS_PER_DAY, MIN_HOURS, HoursEntry, Placement

LONGEST_PLACEMENT = timedelta(days=2 * 366)


class DateInput(forms.DateInput):
    input_type = "date"


class TeacherField(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class PlacementForm(forms.ModelForm[Placement]):
    class Meta:
        model = Placement
        fields = [
            "kind",
            "organization",
            "supervisor_name",
            "supervisor_email",
            "start_date",
            "end_date",
            "school_year",
            "teacher",
            "program",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {
            "supervisor_email": _("The supervisor gets a link there to confirm your hours."),
        }

    def __init__(self, *args: Any, student: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = current_school_year()
        years = [this_year - 1, this_year, this_year + 1]
        self.fields["school_year"] = forms.TypedChoiceField(
            label=_("School year"),
            choices=[(y, school_year_label(y)) for y in years],
            coerce=int,
            initial=this_year,
        )
        self.fields["teacher"] = TeacherField(
            queryset=placement_teachers_for(student),
            label=_("Teacher"),
            help_text=_("The teacher or counselor at your school who checks your hours."),
        )
        program = self.fields["program"]
        assert isinstance(program, forms.ModelChoiceField)
        program.queryset = ProgramOfStudy.objects.visible_to(None).filter(
            district_id=student.district_id
        )
        program.required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end:
            if end < start:
                self.add_error("end_date", _("The end date must not be before the start date."))
            elif end - start > LONGEST_PLACEMENT:
                self.add_error("end_date", _("A placement may last at most two years."))
        return cleaned


class HoursForm(forms.ModelForm[HoursEntry]):
    class Meta:
        model = HoursEntry
        fields = ["date", "hours", "activity"]
        widgets = {
            "date": DateInput(),
            "activity": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        }
        help_texts = {
            "hours": _("Between 0.25 and 12 hours, in quarter hours."),
            "activity": _("A sentence or two: the tasks you did that day."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hours = self.fields["hours"]
        hours.widget.attrs.update({"min": MIN_HOURS, "max": MAX_HOURS_PER_DAY, "step": "0.25"})

    def clean_hours(self) -> Decimal:
        hours: Decimal = self.cleaned_data["hours"]
        if not MIN_HOURS <= hours <= MAX_HOURS_PER_DAY:
            raise forms.ValidationError(
                _("Hours in a day must be between %(low)s and %(high)s."),
                params={"low": MIN_HOURS, "high": MAX_HOURS_PER_DAY},
            )
        if hours % Decimal("0.25"):
            raise forms.ValidationError(_("Log hours in quarter hours (0.25, 0.5, 0.75 …)."))
        return hours


class DecisionForm(forms.Form):
    """One entry's decision: approve, dispute (with a comment) or leave it for later."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("", _("Decide later")), ("approve", _("Approve")), ("dispute", _("Dispute"))],
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (needed to dispute)"),
        max_length=MAX_COMMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_COMMENT}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "dispute" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what is wrong when you dispute hours."))
        return cleaned


def decision_forms(
    entries: list[HoursEntry], data: Any = None
) -> list[tuple[HoursEntry, DecisionForm]]:
    return [(entry, DecisionForm(data, prefix=f"entry-{entry.pk}")) for entry in entries]
