"""A posting's description is shown as the poster wrote it, and nothing in it runs."""

import pytest

from pathways.opportunities.text import render_description
from tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One line.", "<p>One line.</p>"),
        ("First.\n\nSecond.", "<p>First.</p><p>Second.</p>"),
        ("Line one\nline two", "<p>Line one<br>line two</p>"),
        ("- shoes\n- lunch", "<ul><li>shoes</li><li>lunch</li></ul>"),
        ("**Paid** and *fun*", "<p><strong>Paid</strong> and <em>fun</em></p>"),
        ("2 * 3 * 4", "<p>2 * 3 * 4</p>"),
    ],
)
def test_the_markdown_subset(text, html):
    assert render_description(text).replace("\n", "") == html  # newlines between tags aside


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        "**<b onclick=alert(1)>x</b>**",
        "<style>body{display:none}</style>",
    ],
)
def test_markup_a_poster_writes_is_shown_as_text(hostile):
    html = render_description(hostile)
    assert "&lt;" in html  # the poster's markup, escaped into visible text
    for tag in ("<script", "<img", "<style", "<a ", "<b "):
        assert tag not in html


def test_only_https_addresses_become_links():
    html = render_description("Apply at https://example.org/jobs or http://plain.example")
    assert '<a href="https://example.org/jobs" rel="nofollow noopener noreferrer">' in html
    assert 'href="http://plain.example"' not in html
    assert html.count("<a ") == 1 and "or http://plain.example</p>" in html  # left as text


def test_the_page_shows_the_hostile_text_escaped(client):
    posting = OpportunityFactory(description='<script>alert("x")</script> Come work with us.')
    page = client.get(f"/opportunities/{posting.pk}/").content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page and "Come work with us." in page
