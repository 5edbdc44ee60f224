"""Saved budget scenarios (student accounts)."""

from django.db import models  # noqa: F401
