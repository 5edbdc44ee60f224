"""A posting's description: plain text with a little Markdown (core/markup.py renders and
sanitizes it). Paragraphs, line breaks, "- " lists, **bold**, *italic* and https://
addresses as links; any markup a poster types is shown as text."""

from django.utils.safestring import SafeString, mark_safe

from pathways.core import markup

POLICY = markup.Policy(
    tags=frozenset({"p", "ul", "li", "strong", "em", "br", "a"}),
    attributes={"a": frozenset({"href"})},
    link_rel="nofollow noopener noreferrer",
    plain_text=True,
)


def render_description(text: str) -> SafeString:
    """The description as safe HTML."""
    return mark_safe(markup.render(text, POLICY))
