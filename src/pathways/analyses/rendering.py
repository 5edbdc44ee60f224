"""An analysis's text as a page shows it: sanitized Markdown with its live figures in place.

Shortcodes are swapped for placeholder words before the Markdown is rendered and
sanitized, and the figures' own HTML (the project's templates, already escaped) goes in
after, so nothing a writer types reaches the page unsanitized. A shortcode alone on its
line becomes a block (a table, or the value with its label); inside a sentence, the value
and a link to its entry in the list of figures, where its source and vintage are.
"""

import secrets
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .figures import Figure, compute
from .markup import render_markdown
from .shortcodes import ShortcodeError, find_shortcodes


@dataclass
class Rendered:
    html: SafeString
    figures: list[Figure] = field(default_factory=list)
    # Figures that could not be computed now (a reload removed an estimate), by line.
    problems: list[ShortcodeError] = field(default_factory=list)


def check_body(text: str) -> list[ShortcodeError]:
    """Every problem with the text's live figures (empty when all compute)."""
    problems = []
    try:
        codes = list(find_shortcodes(text))
    except ShortcodeError as error:
        return [error]
    for code in codes:
        try:
            compute(code)
        except ShortcodeError as error:
            problems.append(error)
    return problems


def figures_in(text: str) -> list[Figure]:
    """The figures the text embeds, each once (a text that fails `check_body` has none)."""
    try:
        codes = list(find_shortcodes(text))
    except ShortcodeError:
        return []
    figures: dict[str, Figure] = {}
    for code in codes:
        if code.key not in figures:
            try:
                figures[code.key] = compute(code)
            except ShortcodeError:
                continue
    return list(figures.values())


def render_body(text: str, figure_id_prefix: str = "figure") -> Rendered:
    try:
        codes = list(find_shortcodes(text))
    except ShortcodeError as error:
        return Rendered(mark_safe(render_markdown(text)), problems=[error])
    nonce = secrets.token_hex(4)
    pieces, last = [], 0
    for index, code in enumerate(codes):
        pieces.append(text[last : code.start])
        pieces.append(f"LIVEFIGURE{nonce}N{index}E")
        last = code.end
    pieces.append(text[last:])
    html = render_markdown("".join(pieces))
    rendered = Rendered(mark_safe(""))
    numbers: dict[str, int] = {}
    for index, code in enumerate(codes):
        token = f"LIVEFIGURE{nonce}N{index}E"
        try:
            figure = compute(code)
        except ShortcodeError as error:
            rendered.problems.append(error)
            html = html.replace(token, _unavailable(error))
            continue
        if code.key not in numbers:
            rendered.figures.append(figure)
            numbers[code.key] = len(rendered.figures)
        context = {"figure": figure, "number": numbers[code.key], "prefix": figure_id_prefix}
        block = f"<p>{token}</p>"
        if block in html:
            html = html.replace(block, _figure_html("block", context))
        html = html.replace(token, _figure_html("inline", context))
    rendered.html = mark_safe(html)
    return rendered


def _figure_html(layout: str, context: dict[str, object]) -> str:
    return render_to_string(f"analyses/_figure_{layout}.html", context).strip()


def _unavailable(error: ShortcodeError) -> str:
    return render_to_string("analyses/_figure_unavailable.html", {"error": error})
