"""Forms for the student-record pages: the upload, and the reports' filters (a GET form)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from pathways.core.uploads import SpreadsheetUploadForm
from pathways.geography.models import District

from .models import SPECIAL_POPULATIONS, ImportJob, RecordUpload
from .progress import school_year_label

GROUP_BY_LABELS: dict[str, Any] = {
    "state": gettext_lazy("The whole state"),
    "district": gettext_lazy("School district"),
    "school": gettext_lazy("School"),
    "cluster": gettext_lazy("Career cluster (2024 framework)"),
    "legacy_cluster": gettext_lazy("Career cluster (legacy framework)"),
    "program": gettext_lazy("Program of study"),
}
# The report table's caption: "CTE participants ..., 2024-25, by school district".
GROUP_BY_CAPTIONS: dict[str, Any] = {
    "state": gettext_lazy("for the whole state"),
    "district": gettext_lazy("by school district"),
    "school": gettext_lazy("by school"),
    "cluster": gettext_lazy("by career cluster (2024 framework)"),
    "legacy_cluster": gettext_lazy("by career cluster (legacy framework)"),
    "program": gettext_lazy("by program of study"),
}
BREAKDOWN_LABELS: dict[str, Any] = {
    "all": gettext_lazy("All students"),
    "sex": gettext_lazy("Sex"),
    "race_ethnicity": gettext_lazy("Race and ethnicity"),
    **SPECIAL_POPULATIONS,
}


class UploadForm(SpreadsheetUploadForm):
    field_order = ["file", "kind", "check_only", "scope"]
    max_bytes = 100 * 1024 * 1024  # a large district's year of course records fits easily
    file = forms.FileField(
        label=gettext_lazy("Records file (CSV or XLSX)"),
        help_text=gettext_lazy("One row per record, in the layout for its kind. At most 100 MB."),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("What the file holds"), choices=RecordUpload.Kind.choices
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("What the file replaces"),
        choices=ImportJob.Scope.choices,
        initial=ImportJob.Scope.DISTRICT_YEAR,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Only the schools in the file: other schools' course records for the same district "
            "and year stay as they are (course completions only)."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("scope") == ImportJob.Scope.SCHOOLS
            and data.get("kind") != RecordUpload.Kind.COURSES
        ):
            self.add_error(
                "scope",
                gettext_lazy("Only course completions can replace the schools in the file only."),
            )
        return data


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have read what this file removes, and I want to load it."),
        error_messages={"required": gettext_lazy("Tick the box to confirm.")},
    )


class ReportFilterForm(forms.Form):
    """The report's filters, read from the query string. Choices depend on the user's scope:
    only the state may pick a district; years are those with records in the scope."""

    year = forms.TypedChoiceField(label=gettext_lazy("School year"), coerce=int)
    district = forms.ModelChoiceField(
        label=gettext_lazy("School district"),
        queryset=District.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("All districts"),
        to_field_name="nces_id",
    )
    group_by = forms.ChoiceField(label=gettext_lazy("Rows"), required=False)
    breakdown = forms.ChoiceField(label=gettext_lazy("Break down by"), required=False)

    def __init__(
        self,
        data: Any,
        *,
        years: list[int],
        group_by: tuple[str, ...],
        breakdowns: tuple[str, ...],
        statewide: bool,
    ) -> None:
        super().__init__(data)
        self._choices("year", [(y, school_year_label(y)) for y in sorted(years, reverse=True)])
        self._choices("group_by", [(g, GROUP_BY_LABELS.get(g, g)) for g in group_by])
        self._choices("breakdown", [(b, BREAKDOWN_LABELS.get(b, b)) for b in breakdowns])
        if not statewide:
            del self.fields["district"]

    def _choices(self, name: str, choices: list[tuple[Any, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
