"""Text people write in the site (analyses, opportunity postings) as safe HTML.

markdown-it-py renders CommonMark with raw HTML turned off (so `<script>` stays text); nh3
(Ammonia) then keeps only the tags, attributes and URL schemes of the caller's `Policy`, so
even a parser bug cannot let a script, an `on*` handler or a `javascript:` link through.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True)
class Policy:
    """What one kind of text may contain."""

    tags: frozenset[str]
    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    url_schemes: frozenset[str] = frozenset({"https"})
    link_rel: str = "noopener noreferrer"
    # Plain-text writers: a single newline is a line break, bare https:// addresses are links.
    plain_text: bool = False
    # Headings move down this many levels (the page's own h1 is the title), at most to h4.
    heading_offset: int = 0


@cache
def _parser(plain_text: bool, tables: bool) -> MarkdownIt:
    options = {"html": False, "linkify": plain_text, "breaks": plain_text}
    parser = MarkdownIt("commonmark", options)
    if plain_text:
        parser.enable("linkify")
    if tables:
        parser.enable(["table", "strikethrough"])
    return parser


def render(text: str, policy: Policy) -> str:
    """The text as sanitized HTML (a string safe to mark safe)."""
    parser = _parser(policy.plain_text, "table" in policy.tags)
    tokens = parser.parse(text)
    for token in tokens:
        if token.children:
            token.children = _without_links_outside(token.children, policy.url_schemes)
        if token.type in ("heading_open", "heading_close") and policy.heading_offset:
            token.tag = f"h{min(int(token.tag[1]) + policy.heading_offset, 4)}"
        elif token.type == "th_open":
            token.attrSet("scope", "col")
    return sanitize(parser.renderer.render(tokens, parser.options, {}), policy)


def _without_links_outside(children: list[Token], schemes: frozenset[str]) -> list[Token]:
    """A link to a scheme the policy refuses stays as its text, not as an empty <a>."""
    kept, dropping = [], False
    for child in children:
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            dropping = urlsplit(href).scheme.lower() not in schemes
            if dropping:
                continue
        elif child.type == "link_close" and dropping:
            dropping = False
            continue
        kept.append(child)
    return kept


def sanitize(html: str, policy: Policy) -> str:
    """Only the policy's tags, attributes and URL schemes; links get its rel."""
    return nh3.clean(
        html,
        tags=set(policy.tags),
        attributes={tag: set(names) for tag, names in policy.attributes.items()},
        url_schemes=set(policy.url_schemes),
        link_rel=policy.link_rel,
        strip_comments=True,
    ).strip()
