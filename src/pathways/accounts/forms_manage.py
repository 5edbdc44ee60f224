"""The forms of the user pages: inviting someone and changing an account. The roles and
districts offered are those the manager may assign (accounts/rules.py)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pathways.accounts.forms import RoleAndDistrictMixin
from pathways.accounts.models import Role, User
from pathways.accounts.rules import is_state_admin, roles_managed_by
from pathways.geography.models import District


class ManagedAccountForm(RoleAndDistrictMixin, forms.ModelForm):
    """Role and district limited to what `manager` may give; a coordinator's district is theirs."""

    def __init__(self, *args: Any, manager: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.manager = manager
        allowed = roles_managed_by(manager)
        role: Any = self.fields["role"]
        role.choices = [(v, label) for v, label in Role.choices if v in allowed]
        if is_state_admin(manager):
            district: Any = self.fields["district"]
            district.queryset = District.objects.order_by("name")
            self.fields["district"].required = False
            self.fields["district"].help_text = _("Leave empty for a state administrator.")
        else:
            del self.fields["district"]

    def clean(self) -> dict[str, Any]:
        if "district" not in self.fields:
            self.instance.district_id = self.manager.district_id
            self.cleaned_data["district"] = self.manager.district
        return super().clean()

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        taken = User.objects.filter(email__iexact=email) | User.objects.filter(
            username__iexact=email
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another account already uses this e-mail address."))
        return email


class InviteForm(ManagedAccountForm):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name", "role", "district")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True


class AccountChangeForm(ManagedAccountForm):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name", "role", "district", "is_active")
        labels = {"is_active": _("Active (may sign in)")}
        help_texts = {
            "is_active": _(
                "Untick to deactivate the account: it can no longer sign in, and its history "
                "is kept. Accounts are never deleted here."
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def save(self, commit: bool = True) -> User:
        # An invited account's username is its e-mail address: keep the two together.
        if "email" in self.changed_data and self.instance.username == self.initial.get("email"):
            self.instance.username = self.cleaned_data["email"]
        return super().save(commit)
