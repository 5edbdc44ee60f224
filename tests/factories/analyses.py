"""Analyses and media entries. An analysis defaults to a statewide draft by a state admin."""

import datetime

import factory
from factory.django import DjangoModelFactory

from pathways.analyses.models import Analysis, MediaEntry, MediaKind, Status, Topic

from .accounts import StateAdminFactory


class AnalysisFactory(DjangoModelFactory[Analysis]):
    class Meta:
        model = Analysis

    title = factory.Sequence(lambda n: f"Quarterly look at the labor market {n}")
    slug = factory.Sequence(lambda n: f"quarterly-look-{n}")
    topic = Topic.LABOR_MARKET
    body = "Nursing keeps growing.\n\nMore to follow."
    author = factory.SubFactory(StateAdminFactory)
    status = Status.DRAFT


class MediaEntryFactory(DjangoModelFactory[MediaEntry]):
    class Meta:
        model = MediaEntry

    kind = MediaKind.PODCAST
    title = factory.Sequence(lambda n: f"Episode {n}: jobs in the region")
    media_url = "https://media.example.org/episode.mp3"
    transcript = "Host: Welcome to the episode about jobs in the region."
    duration_minutes = 24
    topic = Topic.LABOR_MARKET
    published_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=1))
    created_by = factory.SubFactory(StateAdminFactory)
