"""Every public page type in Spanish shows no English outside names and citations.

English that is kept on purpose is marked lang="en" (names and texts published only in
English: CIP program titles, course titles, O*NET's own attribution), or sits in a source
note (citations name their publisher's English title). Everything else must be Spanish."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from pathways.framework.models import Cluster, Framework, SubCluster
from pathways.geography.models import County, District, WorkforceRegion
from pathways.guide.pdf import chapter_html, guide_html
from pathways.guide.services import parse_guide_query
from pathways.programs.models import ProgramOfStudy
from pathways.resumes.sections import SECTIONS
from tests.factories.accounts import StudentFactory

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]

# Whole words that are English UI or data, never Spanish.
ENGLISH = re.compile(
    r"\b(the|and|of|with|for|your|from|estimate|derived|wages?|median|openings|statewide|"
    r"nonmetropolitan|metropolitan|region|Eastern|Northern|Southwestern|May 2025|"
    r"New Mexico|Job zone|Bright outlook|National Career Clusters Framework)\b",
    re.IGNORECASE,
)
# Classes whose text is a citation or a name as published.
# "district-text" is what a district wrote about its program of study (description, credential
# names, work-based learning placements): shown as the district wrote it, in its language.
EXCEPT_CLASSES = {
    "source-note",
    "attribution",
    "code",
    "soc",
    "course-title",
    "budget-cite",
    "district-text",
}
# Names of surveys and programs quoted inside Spanish sentences, as their publishers name them.
NAMES = ["Occupational Employment and Wage Statistics", "Common Core of Data", "(Bright Outlook)"]
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "area", "col", "wbr", "base"}


class _SpanishText(HTMLParser):
    """The page's visible text, leaving out lang="en" elements, citations and scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: is it excluded?
        self.text: list[str] = []
        self.excluded: list[str] = []  # the text left out (names, citations)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        skipped = (
            found.get("lang") == "en"
            or tag in {"script", "style", "svg", "title"}
            or bool(classes & EXCEPT_CLASSES)
        )
        self.stack.append(skipped or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.text.append(data)
        elif data.strip():
            self.excluded.append(data)


def _without_names(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, "")
    return text


def english_in(html: str) -> list[str]:
    parser = _SpanishText()
    parser.feed(html)
    text = _without_names(" ".join(" ".join(parser.text).split()))
    return sorted({m.group(0) for m in ENGLISH.finditer(text)})


def english_snippets(html: str) -> list[str]:
    """Each English word found, with the text around it (for the failure message)."""
    parser = _SpanishText()
    parser.feed(html)
    text = _without_names(" ".join(" ".join(parser.text).split()))
    return sorted({text[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH.finditer(text)})


def _pages() -> list[str]:
    with translation.override("es"):
        modern = Cluster.objects.filter(framework=Framework.MODERN).first()
        sub = SubCluster.objects.filter(cluster=modern).first()
        region = WorkforceRegion.objects.get(slug="eastern")
        county = County.objects.filter(region=region).first()
        district = District.objects.first()
        pages = [
            reverse("core:home"),
            reverse("core:data_sources"),
            reverse("framework:clusters"),
            reverse("framework:cluster", args=[modern.code]),
            reverse("framework:subcluster", args=[modern.code, sub.code]),
            reverse("occupations:occupation", args=["29-1141"]),
            reverse("occupations:occupation", args=["47-5071"]),
            reverse("occupations:search") + "?q=enfermera",
            reverse("geography:regions"),
            reverse("geography:region", args=[region.slug]),
            reverse("geography:county", args=[county.fips]),
            reverse("geography:districts"),
            reverse("geography:district", args=[district.nces_id]),
            reverse("budget:form"),
            reverse("budget:results") + f"?place={region.slug}",
            reverse("profiler:intro"),
            reverse("profiler:results") + "?R=10&I=30&A=12&S=36&E=14&C=20",
            reverse("profiler:clusters"),
            reverse("profiler:cluster_results") + "?item=act-vitals&item=q-caring&item=sub-math",
            reverse("occupations:compare") + "?soc=29-1141&soc=29-1171&soc=47-2111",
            reverse("programs:list"),
            reverse("analyses:list"),
            reverse("analyses:using_lmi"),
        ]
        program = ProgramOfStudy.objects.filter(status=ProgramOfStudy.Status.APPROVED).first()
        assert program is not None, "the demonstration catalogue has approved programs"
        pages.append(reverse("programs:detail", args=[program.pk]))
        pages += [
            reverse("profiler:paper"),
            reverse("guide:home"),
            reverse("guide:home") + "?framework=legacy",
            reverse("guide:chapter", args=[program.subcluster.cluster_id]),
            reverse("guide:chapter", args=[program.subcluster.cluster_id]) + "?region=eastern",
        ]
    return pages


def _resume_pages() -> list[str]:
    """The resume builder's pages, which a signed-in student sees."""
    with translation.override("es"):
        return [
            reverse("resumes:home"),
            *(reverse("resumes:section", args=[section.name]) for section in SECTIONS),
        ]


def _problems(client, urls: list[str]) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    problems = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 200, url
        found = english_snippets(response.content.decode())
        if found:
            problems[url] = found
    return problems


def test_every_public_page_type_in_spanish_has_no_english(real_data, client):
    # The demonstration catalogue: approved programs with courses, credentials and
    # work-based learning, so the program detail page is checked with real content.
    call_command("programs", "demo", stdout=io.StringIO())
    problems = _problems(client, _pages())
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())


def test_the_resume_builder_in_spanish_has_no_english(real_data, client):
    client.force_login(StudentFactory())
    problems = _problems(client, _resume_pages())
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())


def english_in_pdf(content: bytes, html: str) -> list[str]:
    """English words in a PDF's text, once the names and citations its HTML marks (as the
    page checker leaves them out) are taken out of it."""
    from pypdf import PdfReader

    parser = _SpanishText()
    parser.feed(html)
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for excluded in sorted({" ".join(e.split()) for e in parser.excluded}, key=len, reverse=True):
        text = text.replace(excluded, " ")
    text = _without_names(text)
    return sorted({text[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH.finditer(text)})


def test_the_spanish_chapter_pdf_text_has_no_english(real_data):
    from pathways.core.pdf import html_to_pdf

    call_command("programs", "demo", stdout=io.StringIO())
    program = ProgramOfStudy.objects.filter(status=ProgramOfStudy.Status.APPROVED).first()
    assert program is not None
    html = chapter_html(program.subcluster.cluster_id, parse_guide_query({}, "es"))
    assert html is not None
    assert english_in_pdf(html_to_pdf(html), html) == []
    english = chapter_html(program.subcluster.cluster_id, parse_guide_query({}, "en"))
    assert english is not None
    assert english_in_pdf(html_to_pdf(english), html)  # English text is caught


def test_the_spanish_guide_pdfs_have_no_english(real_data):
    """The HTML each PDF is printed from, checked as the pages are (the PDF text itself is
    checked in tests/guide/test_pdf.py and test_spanish_titles.py)."""
    call_command("programs", "demo", stdout=io.StringIO())
    cluster = ProgramOfStudy.objects.filter(status=ProgramOfStudy.Status.APPROVED).first()
    assert cluster is not None
    problems = {}
    for params in ({}, {"region": "eastern"}):
        query = parse_guide_query(params, "es")
        html = chapter_html(cluster.subcluster.cluster_id, query)
        assert html is not None
        for name, document in [("chapter", html), ("whole guide", guide_html(query))]:
            found = english_snippets(document)
            if found:
                problems[f"{name} {params}"] = found
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())


def test_the_checker_catches_english_outside_names():
    assert english_in("<p>Median wage in New Mexico</p>") == ["Median", "New Mexico", "wage"]
    assert english_in('<p class="source-note">Source: BLS OEWS, May 2025</p>') == []
    assert english_in('<p><span lang="en">Registered Nurses and others</span></p>') == []
