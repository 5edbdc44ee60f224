from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Resume
from .schema import MAX_BYTES


class OptionsForm(forms.ModelForm[Resume]):
    class Meta:
        model = Resume
        fields = ["language", "design"]
        labels = {"language": _("Headings in"), "design": _("Design")}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("A JSON Resume file (.json)"),
        help_text=_("Replaces everything in your resume here."),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)d bytes; the limit is %(limit)d."),
                params={"size": upload.size, "limit": MAX_BYTES},
            )
        return upload


class CareerSearchForm(forms.Form):
    """Find a career to aim for (the skills step's suggestions come from it)."""

    career = forms.CharField(
        label=_("Find a career you are aiming for"),
        max_length=100,
        required=False,
        help_text=_("For example: nurse, welder, electrician."),
    )
