"""Reading a cluster page's occupation table and its CSV, for the cluster page tests."""

import csv
import io
import re


def table_rows(page: str) -> list[dict[str, str]]:
    """The occupation table's body rows as {soc, title, wage, openings, growth, ...}."""
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)
    if body is None:
        return []
    names = ["soc", "title", "wage", "openings", "growth", "education", "job_zone"]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)
        rows.append(dict(zip(names, cells, strict=True)))
    return rows


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def socs(page: str) -> list[str]:
    return [row["soc"] for row in table_rows(page)]


def csv_rows(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))
