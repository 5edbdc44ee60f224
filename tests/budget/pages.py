"""Reading the careers table of the /budget/results/ page, for the page tests."""

import re
from html import unescape


def careers_table(response) -> list[tuple[str, int | None, str]]:
    """(title, openings, education) of each row of the careers table."""
    html = response.content.decode()
    table = html[
        html.index('id="careers-caption"') : html.index(
            "</table>", html.index('id="careers-caption"')
        )
    ]
    found = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
        cells = [
            unescape(re.sub(r"<[^>]+>", " ", c)).split()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        openings = cells[1][0].replace(",", "") if cells[1] else "—"
        found.append(
            (
                " ".join(cells[0][:-1]),
                None if openings == "—" else int(openings),
                " ".join(cells[2]),
            )
        )
    return found
