"""What a visitor sees in a page, for assertions: its visible text and its tables.

    from tests.html import table_rows, visible_text
    assert "About 1,008 openings a year (estimate)." in visible_text(response)
    assert table_rows(response, "annual-wages")[0] == ["Area", "10th", "25th", "Median", ...]

Built on the standard library's HTML parser (no regular expressions over markup): entities
are decoded, words are separated by single spaces, and script and style bodies are skipped.
"""

from html.parser import HTMLParser
from typing import Any

Page = str | bytes | Any  # markup, or a Django test response

SKIPPED = {"script", "style", "template"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def _markup(page: Page) -> str:
    if isinstance(page, str):
        return page
    if isinstance(page, bytes):
        return page.decode()
    return page.content.decode()


def _words(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


class _Text(HTMLParser):
    """Collects text outside skipped elements; every tag boundary separates words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def visible_text(page: Page) -> str:
    """The page's words as a reader meets them: tags removed, entities decoded, spaces collapsed."""
    parser = _Text()
    parser.feed(_markup(page))
    parser.close()
    return _words(parser.parts)


class _Element(HTMLParser):
    """The markup of the first element with this id (or the n-th of a tag), inner only."""

    def __init__(self, markup: str, element_id: str | None, tag: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.markup, self.element_id, self.tag = markup, element_id, tag
        self.depth = 0
        self.found_tag = ""
        self.start = self.end = -1

    def _offset(self) -> int:
        line, column = self.getpos()
        lines = self.markup.splitlines(keepends=True)
        return sum(len(text) for text in lines[: line - 1]) + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.end >= 0 or tag in VOID:
            return
        if self.start < 0:
            hit = (self.element_id is not None and dict(attrs).get("id") == self.element_id) or (
                self.element_id is None and tag == self.tag
            )
            if hit:
                self.found_tag, self.depth = tag, 1
                self.start = self._offset() + len(self.get_starttag_text() or "")
        elif tag == self.found_tag:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.start >= 0 and self.end < 0 and tag == self.found_tag:
            self.depth -= 1
            if self.depth == 0:
                self.end = self._offset()


def element(page: Page, element_id: str | None = None, *, tag: str | None = None) -> str:
    """The inner markup of the element with this id (or the first `tag`); AssertionError if
    the page has none."""
    markup = _markup(page)
    parser = _Element(markup, element_id, tag)
    parser.feed(markup)
    parser.close()
    assert parser.start >= 0, f"no element {element_id or tag!r} in the page"
    return markup[parser.start : parser.end if parser.end >= 0 else len(markup)]


def element_text(page: Page, element_id: str | None = None, *, tag: str | None = None) -> str:
    """The visible text of the element with this id (or the first `tag`)."""
    return visible_text(element(page, element_id, tag=tag))


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(_words(self.cell))
            self.cell = None
        elif self.cell is not None:
            self.cell.append(" ")

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.skipping:
            self.cell.append(data)


def table_rows(
    page: Page, element_id: str | None = None, *, body_only: bool = False
) -> list[list[str]]:
    """Each row of a table as the visible text of its cells: the table with this id (or
    containing the element with this id, such as its caption), else the page's first table.
    `body_only` leaves out the header rows (those in `thead`)."""
    markup = _markup(page)
    if element_id is not None:
        start = markup.index(f'id="{element_id}"')
        start = markup.rfind("<table", 0, start + 1)
        assert start >= 0, f"no table holds {element_id!r}"
        markup = markup[start:]
    table = element(markup, tag="table")
    if body_only:
        table = element(table, tag="tbody")
    parser = _Rows()
    parser.feed(table)
    parser.close()
    return [row for row in parser.rows if row]
