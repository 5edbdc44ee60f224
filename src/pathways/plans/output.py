"""The plan as a printable document and a PDF (WeasyPrint, tagged PDF/UA like the guide's),
in English or Spanish whatever the language of the page that asked."""

from django.template.loader import render_to_string
from django.utils import translation

from pathways.core.pdf import html_to_pdf

from .models import NextStepPlan
from .presenting import present


class BadLanguage(ValueError):
    pass


def document_html(plan: NextStepPlan, language: str, *, for_pdf: bool) -> str:
    with translation.override(language):
        return render_to_string(
            "plans/document.html",
            {"page": present(plan), "language": language, "for_pdf": for_pdf},
        )


def pdf(plan: NextStepPlan, language: str) -> bytes:
    return html_to_pdf(document_html(plan, language, for_pdf=True))
