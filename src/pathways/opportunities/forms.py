"""Forms: an employer's sign-up, a posting, the public filters, an application, reviews.

Every field has bounds; a form that does not validate makes the page answer 400 with the
problems listed by field.
"""

import re
from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from pathways.accounts.models import User
from pathways.framework.models import Cluster, Framework
from pathways.geography.models import District, WorkforceRegion
from pathways.occupations.models import SocCode
from pathways.programs.models import WorkBasedLearning

from .models import (
    DESCRIPTION_MAX,
    HOURS_PER_WEEK,
    MESSAGE_MAX,
    MINIMUM_AGE,
    OCCUPATIONS_MAX,
    Opportunity,
    today,
)

SOC_CODE = re.compile(r"^\d{2}-\d{4}$")
# A posting is for the coming school years, not the next decade.
FURTHEST_START = timedelta(days=2 * 366)


def error_list(form: forms.BaseForm) -> list[dict[str, str]]:
    """A form's problems for the page's error summary, each linked to its field."""
    found = []
    for name, errors in form.errors.items():
        href = f"#{form[name].auto_id}" if name in form.fields else "#"
        found += [{"href": href, "text": str(error)} for error in errors]
    return found


class HttpsURLField(forms.URLField):
    """A web address that must use https:// (no plain http, no other schemes)."""

    default_validators: list[Any] = []

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        raw = (value or "").strip()
        if raw and not raw.lower().startswith("https://"):
            raise forms.ValidationError(
                _("Enter an address that starts with https:// (secure links only).")
            )
        return str(super().clean(raw))


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "local_name", obj))


class DistrictField(forms.ModelChoiceField):
    """A school district named with its workforce region, so an employer sees both."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.county.region.local_name})"


def districts() -> Any:
    return District.objects.select_related("county__region").order_by("name")


def modern_clusters() -> Any:
    return Cluster.objects.filter(framework=Framework.MODERN).order_by("name")


class EmployerSignupForm(forms.Form):
    organization = forms.CharField(label=_("Organization name"), max_length=200)
    first_name = forms.CharField(label=_("Contact person's first name"), max_length=150)
    last_name = forms.CharField(label=_("Contact person's last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        help_text=_("You sign in with this address; we write to it when staff decide."),
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=30, required=False)
    website = HttpsURLField(label=_("Website (optional)"), max_length=300, required=False)
    district = DistrictField(
        queryset=districts(),
        label=_("School district and region you want to reach"),
        help_text=_("Its CTE coordinator reviews your account; you may post for any district."),
    )
    password1 = forms.CharField(
        label=_("Password"), max_length=128, widget=forms.PasswordInput, strip=False
    )
    password2 = forms.CharField(
        label=_("Password again"), max_length=128, widget=forms.PasswordInput, strip=False
    )

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).lower()
        if User.objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address exists already."))
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = User(username=cleaned.get("email", ""), email=cleaned.get("email", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as problem:
                self.add_error("password1", problem)
        return cleaned


class OpportunityForm(forms.ModelForm):
    occupation_codes = forms.CharField(
        label=_("Occupations (SOC codes, optional)"),
        max_length=60,
        required=False,
        help_text=_("Up to five codes separated by commas, e.g. 29-1141, 47-2111."),
    )
    apply_url = HttpsURLField(
        label=_("Link to apply on your site"),
        max_length=500,
        required=False,
        help_text=_("Secure (https://) links only. Leave empty to take applications here."),
    )

    class Meta:
        model = Opportunity
        fields = [
            "kind",
            "title",
            "organization",
            "description",
            "language",
            "district",
            "cluster",
            "start_date",
            "end_date",
            "application_deadline",
            "hours_per_week",
            "paid",
            "pay_amount",
            "pay_unit",
            "minimum_age",
            "apply_in_site",
            "apply_url",
        ]
        labels = {
            "kind": _("Kind of opportunity"),
            "title": _("Title"),
            "organization": _("Organization"),
            "description": _("Description"),
            "language": _("Language of the title and description"),
            "district": _("School district"),
            "cluster": _("Career cluster (2024 framework)"),
            "start_date": _("Start date"),
            "end_date": _("End date (optional)"),
            "application_deadline": _("Application deadline (optional)"),
            "hours_per_week": _("Hours per week (optional)"),
            "paid": _("Paid"),
            "pay_amount": _("Pay in dollars (optional)"),
            "pay_unit": _("Pay is"),
            "minimum_age": _("Minimum age (optional)"),
            "apply_in_site": _("Students may apply on this site"),
        }
        help_texts = {
            "description": _(
                "Plain text. A blank line starts a new paragraph; lines starting with "
                "“- ” make a list; **bold** and *italic* work. At most 5,000 characters."
            ),
        }
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "application_deadline": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": DESCRIPTION_MAX}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"] = DistrictField(
            queryset=districts(), label=self.fields["district"].label
        )
        kind: Any = self.fields["kind"]
        kind.choices = [("", _("Choose a kind")), *WorkBasedLearning.Kind.choices]
        pay_unit: Any = self.fields["pay_unit"]
        pay_unit.choices = [("", _("Not given")), *Opportunity.PayUnit.choices]
        cluster = NamedChoiceField(
            queryset=modern_clusters(),
            required=False,
            label=self.fields["cluster"].label,
            empty_label=_("No particular cluster"),
        )
        self.fields["cluster"] = cluster
        self.fields["hours_per_week"].validators += [
            MinValueValidator(HOURS_PER_WEEK[0]),
            MaxValueValidator(HOURS_PER_WEEK[1]),
        ]
        self.fields["minimum_age"].validators += [
            MinValueValidator(MINIMUM_AGE[0]),
            MaxValueValidator(MINIMUM_AGE[1]),
        ]
        self.fields["pay_amount"].validators += [MinValueValidator(0.01)]
        self.fields["pay_unit"].required = False

    def clean_occupation_codes(self) -> list[str]:
        raw = str(self.cleaned_data.get("occupation_codes") or "")
        codes = list(dict.fromkeys(c.strip() for c in raw.split(",") if c.strip()))
        if len(codes) > OCCUPATIONS_MAX:
            raise forms.ValidationError(_("Name at most five occupations."))
        bad = [c for c in codes if not SOC_CODE.match(c)]
        if bad:
            raise forms.ValidationError(
                _("Write each code as two digits, a hyphen and four digits, e.g. 29-1141.")
            )
        known = set(
            SocCode.objects.filter(code__in=codes, level=SocCode.Level.DETAILED).values_list(
                "code", flat=True
            )
        )
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise forms.ValidationError(
                _("No detailed SOC 2018 occupation has the code %(codes)s.")
                % {"codes": ", ".join(unknown)}
            )
        return codes

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        self._check_dates(cleaned)
        self._check_pay(cleaned)
        if not cleaned.get("apply_in_site") and not cleaned.get("apply_url"):
            self.add_error(
                "apply_url", _("Give a link to apply, or let students apply on this site.")
            )
        return cleaned

    def _check_dates(self, cleaned: dict[str, Any]) -> None:
        start: date | None = cleaned.get("start_date")
        end: date | None = cleaned.get("end_date")
        deadline: date | None = cleaned.get("application_deadline")
        now = today()
        if start and start > now + FURTHEST_START:
            self.add_error("start_date", _("The start date is more than two years away."))
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        if end and end < now:
            self.add_error("end_date", _("The end date has passed."))
        if deadline and deadline < now:
            self.add_error("application_deadline", _("The application deadline has passed."))
        if deadline and end and deadline > end:
            self.add_error(
                "application_deadline", _("The application deadline is after the end date.")
            )

    def _check_pay(self, cleaned: dict[str, Any]) -> None:
        if not cleaned.get("paid"):
            if cleaned.get("pay_amount") is not None:
                self.add_error("pay_amount", _("An unpaid opportunity has no pay amount."))
            cleaned["pay_unit"] = ""
        elif cleaned.get("pay_amount") is not None and not cleaned.get("pay_unit"):
            self.add_error("pay_unit", _("Say whether the pay is per hour, per week or in total."))


YES_NO = [("", _("Paid or unpaid")), ("yes", _("Paid only")), ("no", _("Unpaid only"))]


class OpportunityFilterForm(forms.Form):
    region = NamedChoiceField(
        queryset=WorkforceRegion.objects.order_by("name"),
        required=False,
        label=_("Workforce region"),
        empty_label=_("All regions"),
    )
    cluster = NamedChoiceField(
        queryset=Cluster.objects.none(),
        required=False,
        label=_("Career cluster"),
        empty_label=_("All clusters"),
    )
    occupation = forms.ChoiceField(required=False, label=_("Occupation"))
    kind = forms.ChoiceField(
        required=False,
        label=_("Kind"),
        choices=[("", _("All kinds")), *WorkBasedLearning.Kind.choices],
    )
    paid = forms.ChoiceField(required=False, label=_("Pay"), choices=YES_NO)
    age = forms.IntegerField(
        required=False,
        label=_("My age"),
        min_value=10,
        max_value=99,
        help_text=_("Shows only what is open to someone this age."),
    )

    def __init__(self, *args: Any, occupations: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = modern_clusters()  # type: ignore[attr-defined]
        occupation = self.fields["occupation"]
        assert isinstance(occupation, forms.ChoiceField)
        occupation.choices = [("", _("All occupations")), *occupations]


class ApplicationForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX}),
        help_text=_(
            "Why you are interested and when you are free, in up to 1,000 characters. "
            "The poster sees your name, your e-mail address and this message."
        ),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("refuse", _("Do not approve"))],
        widget=forms.HiddenInput,
    )
    comment = forms.CharField(
        label=_("Comment for the poster (optional)"), max_length=500, required=False
    )
