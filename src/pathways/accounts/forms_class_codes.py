"""Forms for class codes: staff make one; a student joins with it (no e-mail needed)."""

import re
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import UsernameField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pathways.accounts.forms import DescribedErrorsMixin
from pathways.accounts.models import ClassCode, User
from pathways.accounts.rules import schools_for_class_codes
from pathways.core.school_years import current_school_year
from pathways.geography.models import School

# A code is for a class, a term at most: long enough for late joiners, not a year.
LONGEST_VALIDITY = timedelta(days=200)
DEFAULT_VALIDITY = timedelta(days=30)
STUDENT_ID = re.compile(r"[A-Za-z0-9-]{1,20}")
GRADES = [("", _("Any grade"))] + [(str(g), str(g)) for g in range(6, 13)]


class ClassCodeForm(forms.ModelForm):
    grade = forms.TypedChoiceField(
        label=_("Grade"), choices=GRADES, coerce=int, empty_value=None, required=False
    )

    class Meta:
        model = ClassCode
        fields = ["school", "label", "grade", "school_year", "expires_on", "max_uses"]
        labels = {
            "school": _("School"),
            "label": _("Name of the class (optional)"),
            "school_year": _("School year (the year it ends)"),
            "expires_on": _("Last day it works"),
            "max_uses": _("How many students may join with it"),
        }
        help_texts = {
            "label": _("For example “Period 3 Health Careers”. Students see it when they join."),
            "expires_on": _("Up to 200 days from today."),
            "max_uses": _("From 1 to 200."),
        }
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, creator: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        school: Any = self.fields["school"]
        school.queryset = School.objects.filter(schools_for_class_codes(creator)).select_related(
            "district"
        )
        school.empty_label = None
        today = timezone.localdate()
        self.fields["school_year"].initial = current_school_year(today)
        self.fields["expires_on"].initial = today + DEFAULT_VALIDITY
        self.fields["max_uses"].initial = 35
        max_uses: Any = self.fields["max_uses"]
        max_uses.min_value, max_uses.max_value = 1, 200
        max_uses.widget.attrs.update(min=1, max=200)
        self.fields["label"].widget.attrs["maxlength"] = 80

    def clean_expires_on(self) -> Any:
        expires = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if expires < today:
            raise forms.ValidationError(_("Choose today or a later day."))
        if expires > today + LONGEST_VALIDITY:
            raise forms.ValidationError(_("A class code can work for up to 200 days."))
        return expires

    def clean_max_uses(self) -> int:
        uses = self.cleaned_data["max_uses"]
        if not 1 <= uses <= 200:
            raise forms.ValidationError(_("Choose a number from 1 to 200."))
        return int(uses)

    def clean_school_year(self) -> int:
        year = self.cleaned_data["school_year"]
        now = current_school_year()
        if not now - 1 <= year <= now + 1:
            raise forms.ValidationError(
                _("Choose the school year %(now)d, or the one before or after.") % {"now": now}
            )
        return int(year)


class JoinForm(DescribedErrorsMixin, forms.Form):
    class_code = forms.CharField(
        label=_("Class code"),
        max_length=20,
        help_text=_("The eight letters and numbers your counselor or teacher gave you."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    username = UsernameField(
        label=_("Choose a username"),
        max_length=30,
        help_text=_(
            "Up to 30 letters, numbers or . _ - (no e-mail needed). You sign in with it, so "
            "write it down. Do not use your full name."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers, not something easy to guess."),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    student_id = forms.CharField(
        label=_("State student ID (optional)"),
        max_length=20,
        required=False,
        help_text=_(
            "If you know it, your counselor can connect your course records to this account "
            "after checking it."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if not re.fullmatch(r"[\w.-]+", username):
            raise forms.ValidationError(_("Use only letters, numbers and . _ -"))
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Someone already has this username. Try another."))
        return str(username)

    def clean_student_id(self) -> str:
        student_id = self.cleaned_data["student_id"].strip()
        if student_id and not STUDENT_ID.fullmatch(student_id):
            raise forms.ValidationError(_("A state student ID has only numbers and letters."))
        return str(student_id)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            try:
                password_validation.validate_password(
                    first, User(username=cleaned.get("username", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
