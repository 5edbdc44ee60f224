"""Admin for the reference tables a person may need to look up (the loaders own their rows)."""

from django.contrib import admin

from .models import CipCode


@admin.register(CipCode)
class CipCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "family"]
    search_fields = ["code", "title"]
    list_filter = ["family"]
