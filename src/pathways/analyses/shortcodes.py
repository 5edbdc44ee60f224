"""Shortcodes: live figures written into an analysis's Markdown by reference.

    {{ top-openings region=eastern n=5 }}
    {{ median-wage soc=29-1141 area="Las Cruces" }}

A shortcode is a kind followed by `name=value` arguments; a value with spaces is quoted
("…" or <…>). This module only reads the syntax; `figures.py` knows the kinds and checks
the arguments. Every problem names its line, so the editor can say where to look.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_SHORTCODES = 40
MAX_SHORTCODE_LENGTH = 300
_SHORTCODE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_KIND = re.compile(r"[a-z][a-z-]{0,39}")
_ARGUMENT = re.compile(r'\s*([a-z][a-z-]{0,19})=("[^"]{0,200}"|<[^<>]{0,200}>|[^\s"<>{}=]{1,200})')


class ShortcodeError(ValueError):
    """A shortcode that cannot be read or computed, with the line it is on."""

    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(_("Line %(line)d: %(problem)s") % {"line": line, "problem": problem})


@dataclass(frozen=True)
class Shortcode:
    kind: str
    arguments: tuple[tuple[str, str], ...]
    line: int
    start: int  # offsets of the whole `{{ … }}` in the text
    end: int

    @property
    def key(self) -> str:
        """The shortcode written one canonical way: how snapshots are keyed."""
        parts = [self.kind, *(f'{name}="{value}"' for name, value in self.arguments)]
        return " ".join(parts)

    def get(self, name: str, default: str = "") -> str:
        return dict(self.arguments).get(name, default)


def find_shortcodes(text: str) -> Iterator[Shortcode]:
    """Each shortcode in the text, in order; ShortcodeError for the first malformed one."""
    for count, match in enumerate(_SHORTCODE.finditer(text), start=1):
        line = text.count("\n", 0, match.start()) + 1
        if count > MAX_SHORTCODES:
            raise ShortcodeError(
                line, _("An analysis may hold at most %(n)d live figures.") % {"n": MAX_SHORTCODES}
            )
        yield _parse(match.group(1), line, match.start(), match.end())
    _check_unclosed(_SHORTCODE.sub("", text), text)


def _parse(inner: str, line: int, start: int, end: int) -> Shortcode:
    if "\n" in inner or len(inner) > MAX_SHORTCODE_LENGTH:
        raise ShortcodeError(line, _("A live figure must fit on one line: close it with }}."))
    words = inner.strip()
    kind_match = _KIND.match(words)
    if kind_match is None:
        raise ShortcodeError(
            line, _("A live figure starts with its kind, such as {{ top-openings }}.")
        )
    kind, rest = kind_match.group(0), words[kind_match.end() :]
    arguments: list[tuple[str, str]] = []
    position = 0
    while rest[position:].strip():
        argument = _ARGUMENT.match(rest, position)
        if argument is None:
            raise ShortcodeError(
                line,
                _("Cannot read “%(text)s”: write arguments as name=value.")
                % {"text": rest[position:].strip()[:60]},
            )
        name, value = argument.group(1), argument.group(2)
        if value[0] in '"<':
            value = value[1:-1].strip()
        if name in dict(arguments):
            raise ShortcodeError(line, _("“%(name)s” is given twice.") % {"name": name})
        arguments.append((name, value))
        position = argument.end()
    return Shortcode(kind, tuple(arguments), line, start, end)


def _check_unclosed(remainder: str, text: str) -> None:
    """A `{{` left without its `}}` (or the reverse) is a typo, not prose."""
    for marker in ("{{", "}}"):
        if marker in remainder:
            line = text.count("\n", 0, _first_stray(text, marker)) + 1
            raise ShortcodeError(line, _("A live figure is not closed: write {{ kind … }}."))


def _first_stray(text: str, marker: str) -> int:
    spans = [m.span() for m in _SHORTCODE.finditer(text)]
    position = text.find(marker)
    while position != -1:
        if not any(start <= position < end for start, end in spans):
            return position
        position = text.find(marker, position + 1)
    return 0
