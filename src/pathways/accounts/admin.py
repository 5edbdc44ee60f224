from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from pathways.accounts.forms import AdminUserChangeForm, AdminUserCreationForm
from pathways.accounts.models import User

ROLE_AND_DISTRICT: tuple[Any, Any] = (
    _("Role and district"),
    {
        "fields": ("role", "district"),
        "description": _(
            "District staff and students belong to one district; state administrators to none."
        ),
    },
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = AdminUserChangeForm
    add_form = AdminUserCreationForm
    list_display = ("username", "email", "first_name", "last_name", "role", "district", "is_active")
    list_filter = (
        "role",
        ("district", admin.RelatedOnlyFieldListFilter),
        "is_active",
        "is_staff",
        "is_superuser",
    )
    list_select_related = ("district",)
    search_fields = ("username", "first_name", "last_name", "email", "district__name")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ())[:2],
        ROLE_AND_DISTRICT,
        *(DjangoUserAdmin.fieldsets or ())[2:],
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "usable_password", "password1", "password2"),
            },
        ),
        ROLE_AND_DISTRICT,
    )
