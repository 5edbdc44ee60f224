"""The Markdown analyses may use (core/markup.py renders and sanitizes it): CommonMark with
tables, links to web pages and e-mail; headings start at h2, below the analysis's title."""

from functools import partial

from pathways.core import markup

TAGS = [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
]
POLICY = markup.Policy(
    tags=frozenset(TAGS),
    attributes={
        "a": frozenset({"href", "title"}),
        "th": frozenset({"scope"}),
        "ol": frozenset({"start"}),
    },
    url_schemes=frozenset({"https", "http", "mailto"}),
    heading_offset=1,
)

render_markdown = partial(markup.render, policy=POLICY)
sanitize = partial(markup.sanitize, policy=POLICY)
