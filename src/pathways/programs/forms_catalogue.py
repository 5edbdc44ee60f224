"""Forms that add an entry to the shared catalogue from the program editor:
a postsecondary program, a credential or a course."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pathways.occupations.models import CipCode

from .models import Course, Credential, PostsecondaryProgram

CIP_FORMAT = re.compile(r"\d{2}(\.\d{2}(\d{2})?)?")


class PostsecondaryProgramForm(forms.ModelForm):
    prefix = "postsecondary"
    url = forms.URLField(required=False, assume_scheme="https", label=_("Web address (optional)"))

    class Meta:
        model = PostsecondaryProgram
        fields = ["institution", "title", "cip_code", "award", "url"]
        labels = {
            "institution": _("Institution"),
            "title": _("Program title"),
            "cip_code": _("CIP 2020 code"),
            "award": _("Award (optional)"),
            "url": _("Web address (optional)"),
        }
        help_texts = {
            "cip_code": _(
                "The program's Classification of Instructional Programs code, e.g. 51.3801."
            ),
            "award": _("e.g. certificate, associate degree, bachelor's degree"),
        }

    def clean_cip_code(self) -> str:
        code = self.cleaned_data["cip_code"].strip()
        if not CIP_FORMAT.fullmatch(code):
            raise forms.ValidationError(
                _("Write the CIP code as 2 digits, 2.2 or 2.4 digits, e.g. 51, 51.38 or 51.3801.")
            )
        if CipCode.objects.exists() and not CipCode.objects.filter(code=code).exists():
            raise forms.ValidationError(
                _("%(code)s is not a CIP 2020 code."), params={"code": code}
            )
        return code

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        institution, title = cleaned.get("institution"), cleaned.get("title")
        code = cleaned.get("cip_code")
        if institution and title and code:
            same = PostsecondaryProgram.objects.filter(
                institution__iexact=institution.strip(), title__iexact=title.strip(), cip_code=code
            ).first()
            if same is not None:
                raise forms.ValidationError(
                    _(
                        "%(program)s is already in the catalogue: tick it in the list of "
                        "postsecondary programs instead of adding it again."
                    ),
                    params={"program": same},
                )
        return cleaned


class CredentialForm(forms.ModelForm):
    prefix = "credential"
    url = forms.URLField(required=False, assume_scheme="https", label=_("Web address (optional)"))

    class Meta:
        model = Credential
        fields = ["name", "issuer", "url"]
        labels = {
            "name": _("Credential name"),
            "issuer": _("Issued by (optional)"),
            "url": _("Web address (optional)"),
        }


class CourseForm(forms.ModelForm):
    prefix = "newcourse"

    class Meta:
        model = Course
        fields = ["state_code", "title", "credits", "grade_min", "grade_max"]
        labels = {
            "state_code": _("State course code"),
            "title": _("Course title"),
            "credits": _("Credits"),
            "grade_min": _("Lowest grade"),
            "grade_max": _("Highest grade"),
        }

    def clean_state_code(self) -> str:
        code = self.cleaned_data["state_code"].strip()
        if Course.objects.filter(state_code__iexact=code).exists():
            raise forms.ValidationError(_("This code is already in the catalogue."))
        return code

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("grade_min"), cleaned.get("grade_max")
        for name in ("grade_min", "grade_max"):
            grade = cleaned.get(name)
            if grade is not None and not 6 <= grade <= 12:
                self.add_error(name, _("Grades run from 6 to 12."))
        if low is not None and high is not None and low > high:
            self.add_error("grade_max", _("The highest grade cannot be below the lowest."))
        return cleaned
