"""The Markdown subset: what a writer may use, and what never reaches the page."""

import pytest

from pathways.analyses.markup import render_markdown, sanitize


def test_markdown_renders_emphasis_lists_and_links():
    html = render_markdown("Some **bold** text.\n\n- one\n- two\n\n[Data](https://bls.gov/oes/)")
    assert "<strong>bold</strong>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://bls.gov/oes/" rel="noopener noreferrer">Data</a>' in html


def test_headings_start_below_the_page_title():
    html = render_markdown("# Findings\n\n## Detail")
    assert "<h2>Findings</h2>" in html and "<h3>Detail</h3>" in html
    assert "<h1>" not in html


def test_raw_script_in_markdown_stays_text():
    html = render_markdown("Before <script>alert(1)</script> after")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "dirty",
    [
        '<p onclick="steal()">hi</p>',
        '<img src="x.png" onerror="steal()">',
        "<script>steal()</script><p>hi</p>",
        '<a href="javascript:steal()">click</a>',
        '<a href="JaVaScRiPt:steal()">click</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:steal())">hi</p>',
    ],
)
def test_sanitizer_strips_scripts_handlers_and_javascript_links(dirty):
    clean = sanitize(dirty).lower()
    assert "script" not in clean
    assert "onclick" not in clean and "onerror" not in clean
    assert "javascript:" not in clean
    assert "<iframe" not in clean and "style=" not in clean


def test_markdown_javascript_link_is_not_a_link():
    html = render_markdown("[click](javascript:alert(1)) and <javascript:alert(2)>")
    assert "<a" not in html


def test_markdown_tables_get_column_headers():
    html = render_markdown("| Occupation | Wage |\n|---|---|\n| Nurse | 1 |")
    assert '<th scope="col">Occupation</th>' in html
