"""The analysis editor, the media editor and the public list's filters."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pathways.geography.models import WorkforceRegion

from .figures import KINDS
from .models import Analysis, MediaEntry, Topic
from .rendering import check_body
from .validators import validate_https_url

# Addresses under /analyses/ that are pages, not analyses.
RESERVED_SLUGS = {"new", "editor", "feed", "media", "regions", "using-lmi"}
STATEWIDE = "statewide"


def _figure_help() -> str:
    examples = "; ".join(kind.example for kind in KINDS.values())
    return str(_("Markdown. Live figures: %(examples)s.")) % {"examples": examples}


class AnalysisForm(forms.ModelForm[Analysis]):
    class Meta:
        model = Analysis
        fields = [
            "title", "title_es", "slug", "region", "topic", "summary", "summary_es",
            "body", "body_es",
        ]  # fmt: skip
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18}),
            "body_es": forms.Textarea(attrs={"rows": 18}),
            "summary": forms.Textarea(attrs={"rows": 2}),
            "summary_es": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "slug": _("Lowercase letters, numbers and hyphens: the page's address."),
            "region": _("Leave empty for a statewide analysis."),
            "body_es": _("Optional: without it, the Spanish page shows the English text."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ModelChoiceField)
        region.empty_label = _("Statewide")
        self.fields["body"].help_text = _figure_help()

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This address is taken by a page of the site."))
        return slug

    def clean_body(self) -> str:
        return _checked(self.cleaned_data["body"])

    def clean_body_es(self) -> str:
        return _checked(self.cleaned_data["body_es"])


def _checked(text: str) -> str:
    """The text, or a ValidationError listing each live figure's problem by line."""
    problems = check_body(text)
    if problems:
        raise ValidationError([str(problem) for problem in problems])
    return text


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What to change"), max_length=1000, required=False, widget=forms.Textarea
    )


class MediaForm(forms.ModelForm[MediaEntry]):
    media_url = forms.URLField(
        label=_("audio or video address"),
        max_length=500,
        assume_scheme="https",
        validators=[validate_https_url],
        help_text=_("The episode's or recording's address; it must start with https://."),
    )

    class Meta:
        model = MediaEntry
        fields = [
            "kind", "title", "title_es", "media_url", "duration_minutes", "region", "topic",
            "published_on", "transcript", "transcript_es",
        ]  # fmt: skip
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "transcript": _("Required: everything said, so everyone can follow it."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ModelChoiceField)
        region.empty_label = _("Statewide")


class AnalysisFilter(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        topic = self.fields["topic"]
        assert isinstance(region, forms.ChoiceField) and isinstance(topic, forms.ChoiceField)
        region.choices = [
            ("", _("All regions")),
            (STATEWIDE, _("Statewide")),
            *((r.slug, r.local_name) for r in WorkforceRegion.objects.order_by("name")),
        ]
        topic.choices = [("", _("All topics")), *Topic.choices]
