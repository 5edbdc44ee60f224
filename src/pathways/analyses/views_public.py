"""Public pages: the list of analyses and media, one analysis, one media entry, and the
guide to using labor market information with students."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import services
from .forms import AnalysisFilter
from .models import Analysis, MediaEntry
from .rendering import render_body
from .workflow import changes_since_publication


def analysis_list(request: HttpRequest) -> HttpResponse:
    form = AnalysisFilter(request.GET)
    valid = form.is_valid()
    region = form.cleaned_data.get("region", "") if valid else ""
    topic = form.cleaned_data.get("topic", "") if valid else ""
    context = {
        "form": form,
        "analyses": services.published_analyses(region, topic)[:100] if valid else [],
        "media": services.published_media(region, topic)[:50] if valid else [],
        "filtered": bool(region or topic),
        "feed_region": region if region and region != services.STATEWIDE else "",
    }
    return render(request, "analyses/analysis_list.html", context, status=200 if valid else 400)


def analysis_detail(request: HttpRequest, slug: str) -> HttpResponse:
    analysis = (
        Analysis.objects.visible_to(request.user)
        .select_related("region", "author")
        .filter(slug=slug)
        .first()
    )
    # A draft the reader may not see is "not found", so its address tells nothing.
    if analysis is None or not request.user.has_perm("analyses.view_analysis", analysis):
        raise Http404(_("No published analysis has this address."))
    rendered = render_body(analysis.local_body)
    context = {
        "analysis": analysis,
        "rendered": rendered,
        "changes": changes_since_publication(analysis),
        "english_fallback": analysis.shows_english_fallback,
        "body_language": "en" if analysis.shows_english_fallback else get_language(),
    }
    return render(request, "analyses/analysis_detail.html", context)


def media_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = MediaEntry.objects.published().select_related("region").filter(pk=pk).first()
    if entry is None:
        raise Http404(_("No published episode or training has this address."))
    return render(request, "analyses/media_detail.html", {"entry": entry})


def using_lmi(request: HttpRequest) -> HttpResponse:
    """Plain-language guidance for counselors and teachers, written in each language."""
    language = "es" if (get_language() or "").startswith("es") else "en"
    return render(request, f"analyses/using_lmi_{language}.html")
