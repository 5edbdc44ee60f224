"""Reading the place pages as a visitor does: each table's caption and rows, for the tests
on the tiny labour market (test_pages.py) and on the real data (test_pages_mirror.py)."""

from html.parser import HTMLParser

ALBUQUERQUE = "0010740"
NEW_MEXICO = "3500000"
CLUSTER_JOBS = "Employment in the cluster's occupations"


class Tables(HTMLParser):
    """Every table on a page: its caption and rows of cell texts, with row links' paths."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.links: dict[str, list[str]] = {}
        self._caption: list[str] | None = None
        self._table: list[list[str]] | None = None
        self._table_links: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table, self._table_links, self._caption = [], [], []
        elif tag == "caption":
            self._cell = []
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and self._table is not None:
            self._table_links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._cell is not None:
            self._caption = self._cell
            self._cell = None
        elif tag in ("td", "th") and self._cell is not None and self._table:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._table is not None:
            caption = " ".join("".join(self._caption or []).split())
            self.tables[caption] = [row for row in self._table if row]
            self.links[caption] = self._table_links
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def get_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def tables_of(page: str) -> Tables:
    parser = Tables()
    parser.feed(page)
    return parser


def table_starting(parsed: Tables, prefix: str) -> tuple[str, list[list[str]]]:
    found = [(c, rows) for c, rows in parsed.tables.items() if c.startswith(prefix)]
    assert len(found) == 1, (prefix, list(parsed.tables))
    return found[0]


def money(value: int) -> str:
    return f"${value:,}"


# Each place page's most queries when uncached (the page tests check both data sets).
# +3 to +5 over the figures before combined codes: reading them (cold) and the bright-outlook
# rule (one query); both are read once a page, whatever the rows.
QUERY_BOUNDS = [
    ("/regions/", 5),
    ("/regions/central/", 21),
    ("/counties/35017/", 23),
    ("/districts/", 7),
    ("/districts/?region=central", 7),
    ("/districts/3500060/", 19),
    ("/regions/central/?format=csv&table=openings", 19),
]
