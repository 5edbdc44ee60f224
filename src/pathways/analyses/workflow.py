"""An analysis's life: draft → in review → published (and back to draft to correct it).

Each step checks its permission (accounts/rules.py) and refuses with PermissionDenied.
Publishing keeps what the text was written on: each live figure's value, the data version
and the vintages of the sources those figures cite. Publishing or unpublishing changes
pages for visitors (the region page's list), so it bumps the content version.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pathways.core.cache import bump_content_version, data_version
from pathways.datasets.models import DataSource
from pathways.datasets.registry import get_source

from .figures import Figure
from .models import Analysis, Status
from .rendering import check_body, figures_in
from .shortcodes import ShortcodeError


class WorkflowError(ValueError):
    """A step that cannot be taken now, with what to fix."""


def _require(user: Any, permission: str, analysis: Analysis, reason: str) -> None:
    if not user.has_perm(permission, analysis):
        raise PermissionDenied(reason)


def problems(analysis: Analysis) -> list[ShortcodeError]:
    return check_body(analysis.body) + check_body(analysis.body_es)


@transaction.atomic
def submit(analysis: Analysis, user: Any) -> None:
    _require(user, "analyses.submit_analysis", analysis, _("Only a draft's writer may submit it."))
    if found := problems(analysis):
        raise WorkflowError(found[0].args[0])
    analysis.status = Status.IN_REVIEW
    analysis.review_comment = ""
    analysis.save(update_fields=["status", "review_comment", "updated_at"])


@transaction.atomic
def publish(analysis: Analysis, user: Any) -> None:
    _require(user, "analyses.publish_analysis", analysis, _("Only the state publishes analyses."))
    if found := problems(analysis):
        raise WorkflowError(found[0].args[0])
    figures = all_figures(analysis)
    analysis.status = Status.PUBLISHED
    analysis.published_at = timezone.now()
    analysis.published_by = user
    analysis.data_version = data_version()
    analysis.source_vintages = source_vintages(figures)
    analysis.figure_snapshots = {f.key: f.snapshot() for f in figures}
    analysis.save()
    bump_content_version()


@transaction.atomic
def return_to_draft(analysis: Analysis, user: Any, comment: str = "") -> None:
    """The state sends a submission back (with a comment) or takes a published one down."""
    allowed = user.has_perm("analyses.return_analysis", analysis) or user.has_perm(
        "analyses.unpublish_analysis", analysis
    )
    if not allowed:
        raise PermissionDenied(_("Only the state returns or unpublishes analyses."))
    was_published = analysis.status == Status.PUBLISHED
    analysis.status = Status.DRAFT
    analysis.review_comment = comment[:1000]
    analysis.save(update_fields=["status", "review_comment", "updated_at"])
    if was_published:
        bump_content_version()


def all_figures(analysis: Analysis) -> list[Figure]:
    """The figures of both versions, each once."""
    figures = {f.key: f for f in figures_in(analysis.body)}
    for figure in figures_in(analysis.body_es):
        figures.setdefault(figure.key, figure)
    return list(figures.values())


def source_vintages(figures: list[Figure]) -> dict[str, str]:
    """{source: vintage} of the sources the figures cite: as loaded, else as registered."""
    slugs = sorted({slug for figure in figures for slug in figure.sources})
    loaded = dict(DataSource.objects.filter(slug__in=slugs).values_list("slug", "vintage"))
    return {slug: loaded.get(slug) or get_source(slug).vintage for slug in slugs}


@dataclass
class FigureChange:
    label: str
    unit: str
    then: dict[str, Any]
    now: dict[str, Any] | None  # None: the figure cannot be computed any more


@dataclass
class Changes:
    data_reloaded: bool
    changed: list[FigureChange]


def changes_since_publication(analysis: Analysis) -> Changes | None:
    """What changed in the figures since publication, when the data has been reloaded since
    (None for an analysis that is not published)."""
    if analysis.status != Status.PUBLISHED:
        return None
    if analysis.data_version == data_version():
        return Changes(False, [])
    current = {f.key: f for f in all_figures(analysis)}
    changed = []
    for key, then in analysis.figure_snapshots.items():
        figure = current.get(key)
        now = figure.snapshot() if figure else None
        if now != then:
            label = figure.label if figure else key
            changed.append(FigureChange(label, then.get("unit", ""), then, now))
    return Changes(True, changed)
