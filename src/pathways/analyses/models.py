"""Regional analyses that staff write and publish, and media entries (podcasts, trainings).

An analysis's body is Markdown (a safe subset, `markup.py`) with live figures written as
shortcodes (`figures.py`); publishing keeps each figure's value and the data version it was
written on, so the page can say what has changed since.
"""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pathways.accounts.rules import analyses_visible_to

from .validators import validate_https_url

BODY_MAX_LENGTH = 40_000
TRANSCRIPT_MAX_LENGTH = 100_000


class Topic(models.TextChoices):
    LABOR_MARKET = "labor-market", _("Labor market")
    OCCUPATIONS = "occupations", _("Occupations and wages")
    CAREER_CLUSTERS = "career-clusters", _("Career clusters")
    EDUCATION = "education", _("Education and training")
    USING_LMI = "using-lmi", _("Using labor market information")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


def _spanish() -> bool:
    return (get_language() or "").startswith("es")


class AnalysisQuerySet(models.QuerySet["Analysis"]):
    def visible_to(self, user: Any) -> "AnalysisQuerySet":
        return self.filter(analyses_visible_to(user))

    def published(self) -> "AnalysisQuerySet":
        return self.filter(status=Status.PUBLISHED)


class Analysis(models.Model):
    title = models.CharField(_("title (English)"), max_length=200)
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    # None = a statewide analysis.
    region = models.ForeignKey(
        "geography.WorkforceRegion",
        verbose_name=_("workforce region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="analyses",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    summary = models.CharField(_("summary (English)"), max_length=300, blank=True)
    summary_es = models.CharField(_("summary (Spanish)"), max_length=300, blank=True)
    body = models.TextField(_("text (English, Markdown)"), max_length=BODY_MAX_LENGTH)
    body_es = models.TextField(
        _("text (Spanish, Markdown)"), max_length=BODY_MAX_LENGTH, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="analyses"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The data it was written on, kept at publish time: `core.cache.data_version()` and
    # {source slug: vintage} of the sources its figures cite.
    data_version = models.CharField(max_length=40, blank=True)
    source_vintages = models.JSONField(default=dict, blank=True)
    # {shortcode: figure summary} at publish time (`figures.Figure.snapshot`).
    figure_snapshots = models.JSONField(default=dict, blank=True)
    review_comment = models.CharField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnalysisQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-updated_at"]
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return self.title

    @property
    def local_title(self) -> str:
        return self.title_es if _spanish() and self.title_es else self.title

    @property
    def local_summary(self) -> str:
        return self.summary_es if _spanish() and self.summary_es else self.summary

    @property
    def shows_english_fallback(self) -> bool:
        """A Spanish page of an analysis without a Spanish text shows the English one."""
        return _spanish() and not self.body_es.strip()

    @property
    def local_body(self) -> str:
        return self.body if self.shows_english_fallback or not _spanish() else self.body_es


class MediaKind(models.TextChoices):
    PODCAST = "podcast", _("Podcast episode")
    TRAINING = "training", _("Training session")


class MediaEntryQuerySet(models.QuerySet["MediaEntry"]):
    def published(self) -> "MediaEntryQuerySet":
        from django.utils import timezone

        return self.filter(published_on__lte=timezone.localdate())


class MediaEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=MediaKind.choices)
    title = models.CharField(_("title (English)"), max_length=200)
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True)
    media_url = models.URLField(
        _("audio or video address"), max_length=500, validators=[validate_https_url]
    )
    # Required: a recording without a transcript shuts out deaf and hard-of-hearing people.
    transcript = models.TextField(_("transcript (English)"), max_length=TRANSCRIPT_MAX_LENGTH)
    transcript_es = models.TextField(
        _("transcript (Spanish)"), max_length=TRANSCRIPT_MAX_LENGTH, blank=True
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    region = models.ForeignKey(
        "geography.WorkforceRegion",
        verbose_name=_("workforce region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="media_entries",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    published_on = models.DateField(_("publish date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = MediaEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name_plural = "media entries"

    def __str__(self) -> str:
        return self.title

    @property
    def local_title(self) -> str:
        return self.title_es if _spanish() and self.title_es else self.title

    @property
    def local_transcript(self) -> str:
        return self.transcript_es if _spanish() and self.transcript_es else self.transcript
