"""A posting's description: plain text with a small Markdown subset, made safe with nh3.

Supported: blank-line paragraphs, lines starting with "- " or "* " as a bulleted list,
**bold** and *italic*, and https:// addresses as links. Everything else is shown as
typed. The text is escaped before any markup is added, and the result passes nh3 with an
allow-list of those few tags, so no markup a poster writes reaches the page.
"""

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "ul", "li", "strong", "em", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")
LINK = re.compile(r"\bhttps://[^\s<>&\"']+[^\s<>&\"'.,;:!?)]")
BULLET = re.compile(r"^\s*[-*]\s+")


def _inline(escaped: str) -> str:
    escaped = LINK.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    escaped = BOLD.sub(r"<strong>\1</strong>", escaped)
    return ITALIC.sub(r"<em>\1</em>", escaped)


def _block(lines: list[str]) -> str:
    if all(BULLET.match(line) for line in lines):
        items = "".join(f"<li>{_inline(BULLET.sub('', line))}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    return "<p>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def render_description(text: str) -> SafeString:
    """The description as safe HTML."""
    escaped = html.escape(text.replace("\r\n", "\n").replace("\r", "\n"), quote=True)
    blocks = [
        [line for line in block.split("\n") if line.strip()]
        for block in re.split(r"\n\s*\n", escaped.strip())
    ]
    rendered = "".join(_block(lines) for lines in blocks if lines)
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https"},
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)
