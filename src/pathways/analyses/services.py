"""What the pages list: published analyses and media, by region and topic."""

from typing import Any

from django.db.models import Case, Q, Value, When

from pathways.geography.models import WorkforceRegion

from .models import Analysis, AnalysisQuerySet, MediaEntry, MediaEntryQuerySet, Status

STATEWIDE = "statewide"
REGION_PAGE_LIMIT = 10


def published_analyses(region: str = "", topic: str = "") -> AnalysisQuerySet:
    """Published analyses, newest first; `region` a slug or "statewide", "" for all."""
    found = Analysis.objects.published().select_related("region")
    if region == STATEWIDE:
        found = found.filter(region__isnull=True)
    elif region:
        found = found.filter(region_id=region)
    if topic:
        found = found.filter(topic=topic)
    return found.order_by("-published_at")


def region_analyses(region: WorkforceRegion) -> list[Analysis]:
    """A region page's list: its own analyses, newest first."""
    return list(published_analyses(region.slug)[:REGION_PAGE_LIMIT])


def published_media(region: str = "", topic: str = "") -> MediaEntryQuerySet:
    found = MediaEntry.objects.published().select_related("region")
    if region == STATEWIDE:
        found = found.filter(region__isnull=True)
    elif region:
        # A region's page also lists the statewide episodes and trainings.
        found = found.filter(Q(region_id=region) | Q(region__isnull=True))
    if topic:
        found = found.filter(topic=topic)
    return found


def region_media(region: WorkforceRegion) -> list[MediaEntry]:
    return list(published_media(region.slug)[:REGION_PAGE_LIMIT])


def editor_analyses(user: Any) -> AnalysisQuerySet:
    """The editor's list: what the user may see, submissions first, then drafts."""
    stage = Case(
        When(status=Status.IN_REVIEW, then=Value(0)),
        When(status=Status.DRAFT, then=Value(1)),
        default=Value(2),
    )
    found = Analysis.objects.visible_to(user).select_related("region", "author")
    return found.order_by(stage, "-updated_at")
