"""Atom feeds of published analyses: the whole site's and each workforce region's."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from pathways.geography.models import WorkforceRegion

from . import services
from .models import Analysis

FEED_ITEMS = 30


class AnalysisFeed(Feed[Analysis, WorkforceRegion | None]):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, region: str = "") -> WorkforceRegion | None:
        if not region:
            return None
        found = WorkforceRegion.objects.filter(slug=region).first()
        if found is None:
            raise Http404(_("No workforce region has this name."))
        return found

    def title(self, obj: WorkforceRegion | None) -> str:
        if obj is None:
            return _("NM Career Pathways: regional analyses")
        return _("NM Career Pathways: analyses for the %(region)s region") % {
            "region": obj.local_name
        }

    def link(self, obj: WorkforceRegion | None) -> str:
        url = reverse("analyses:list")
        return f"{url}?region={obj.slug}" if obj else url

    def subtitle(self, obj: WorkforceRegion | None) -> str:
        return _("Analyses of New Mexico's labor market by the state and its districts.")

    def items(self, obj: WorkforceRegion | None) -> list[Analysis]:
        return list(services.published_analyses(obj.slug if obj else "")[:FEED_ITEMS])

    def item_title(self, item: Analysis) -> str:
        return item.local_title

    def item_description(self, item: Analysis) -> str:
        return item.local_summary or item.local_title

    def item_link(self, item: Analysis) -> str:
        return reverse("analyses:detail", args=[item.slug])

    def item_pubdate(self, item: Analysis) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Analysis) -> datetime | None:
        return item.published_at

    def item_author_name(self, item: Analysis) -> str:
        return item.author.get_full_name() or _("NM Career Pathways staff")
