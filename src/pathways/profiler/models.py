"""Saved interest-profiler results (student accounts)."""

from django.db import models  # noqa: F401
