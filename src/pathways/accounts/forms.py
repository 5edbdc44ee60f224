"""Forms for signing in, resetting and changing passwords, and the admin's user forms.

Every form here ties its error messages to the fields they concern (aria-describedby), so
a screen reader reads the message with the field: Django does this for a field's own
errors, and `DescribedErrorsMixin` adds the form-wide ones ("wrong username or password").
"""

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from pathways.accounts.models import Role, User
from pathways.geography.models import District

# The id of the box that lists a form's non-field errors (accounts/_form_errors.html).
FORM_ERRORS_ID = "form-errors"


class DescribedErrorsMixin(forms.BaseForm):
    """When the form as a whole has an error, every field is described by it and invalid."""

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound or not self.non_field_errors():
            return
        for name, field in self.fields.items():
            if field.widget.is_hidden:
                continue
            # None once set on the widget: the field's help text and own errors otherwise.
            own = self[name].aria_describedby
            if own is None:
                continue
            field.widget.attrs["aria-describedby"] = " ".join(filter(None, [FORM_ERRORS_ID, own]))
            field.widget.attrs["aria-invalid"] = "true"


class SignInForm(DescribedErrorsMixin, auth_forms.AuthenticationForm):
    pass


class PasswordResetForm(DescribedErrorsMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(DescribedErrorsMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(DescribedErrorsMixin, auth_forms.PasswordChangeForm):
    pass


def role_and_district_errors(role: str, district: District | None) -> dict[str, str]:
    """What is wrong with this role and district together, by field: district staff and
    students belong to exactly one district, state administrators to none."""
    if role not in Role.values:
        return {"role": str(_("Choose one of the roles listed."))}
    if role == Role.STATE_ADMIN and district is not None:
        return {"district": str(_("State administrators belong to no district."))}
    if role != Role.STATE_ADMIN and district is None:
        return {"district": str(_("District staff and students belong to a district."))}
    return {}


class RoleAndDistrictMixin(forms.BaseForm):
    """Checks role and district together before the database constraint would refuse them."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        if "role" in self.fields and cleaned.get("role"):
            problems = role_and_district_errors(cleaned["role"], cleaned.get("district"))
            for field, message in problems.items():
                self.add_error(field if field in self.fields else None, message)
        return cleaned


class AdminUserCreationForm(RoleAndDistrictMixin, auth_forms.AdminUserCreationForm):
    class Meta(auth_forms.AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "email", "role", "district")


class AdminUserChangeForm(RoleAndDistrictMixin, auth_forms.UserChangeForm):
    class Meta(auth_forms.UserChangeForm.Meta):
        model = User
        fields = "__all__"
