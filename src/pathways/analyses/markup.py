"""Markdown to safe HTML: the subset analyses may use, then a sanitizer over the result.

markdown-it-py renders CommonMark with raw HTML turned off (so `<script>` stays text) plus
tables; nh3 (Ammonia) then keeps only the tags, attributes and link schemes listed here, so
even a parser bug cannot let a script, an `on*` handler or a `javascript:` link through.
Headings start at h2: the page's h1 is the analysis's title.
"""

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
URL_SCHEMES = {"https", "http", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["table", "strikethrough"]
)


def render_markdown(text: str) -> str:
    """The Markdown as sanitized HTML (a string safe to mark safe)."""
    tokens = _markdown.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 4)}"
        elif token.type == "th_open":
            token.attrSet("scope", "col")
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return sanitize(html)


def sanitize(html: str) -> str:
    """Only the allowed tags, attributes and URL schemes; links get rel=noopener."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
