"""Occupations side by side: which codes a comparison link names, and their figures.

A comparison is a plain link (`/compare/?soc=29-1141&soc=29-2061`), so it can be shared
and changed without JavaScript. Figures come from the occupation tables (statewide wages
with the merged-code fallback, the openings estimate, national growth) and O*NET.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from pathways.core.text import fold
from pathways.occupations.charts import wage_unit
from pathways.occupations.labels import JOB_ZONE_NAMES, RIASEC_NAMES, TYPICAL_EDUCATION, label
from pathways.occupations.models import OnetOccupation, SocCode, WageEstimate
from pathways.occupations.search import SearchHit, search_occupations
from pathways.occupations.tables import OccupationRow, occupation_rows

MAX_COMPARED = 4
SOC_PATTERN = re.compile(r"\d{2}-\d{4}")
CANDIDATES_SHOWN = 10


@dataclass
class Selection:
    """The occupations a comparison link names, and what was wrong with it."""

    socs: list[str]  # known detailed SOC codes, in the order given, without repeats
    errors: list[str] = field(default_factory=list)  # the link cannot be shown as it is
    notices: list[str] = field(default_factory=list)  # e.g. nothing matched the added text
    candidates: list[SearchHit] = field(default_factory=list)  # to choose from
    titles: dict[str, str] = field(default_factory=dict)
    added: str = ""  # the code `add` resolved to, if any

    @property
    def full(self) -> bool:
        return len(self.socs) >= MAX_COMPARED

    def query(self, socs: Sequence[str]) -> str:
        return urlencode([("soc", soc) for soc in socs])

    def without(self, soc: str) -> str:
        """The query string of this comparison less one occupation."""
        return self.query([s for s in self.socs if s != soc])

    def adding(self, soc: str) -> str:
        return self.query([*self.socs, soc])


def select(codes: Sequence[str], add: str = "") -> Selection:
    """Read `?soc=` codes, plus `add`: an SOC code or words to find one by; two queries."""
    given = [c.strip() for c in codes if c.strip()]
    malformed = [c for c in given if not SOC_PATTERN.fullmatch(c)]
    wanted = list(dict.fromkeys(c for c in given if SOC_PATTERN.fullmatch(c)))
    notices: list[str] = []
    candidates: list[SearchHit] = []
    add, added = add.strip()[:100], ""
    if SOC_PATTERN.fullmatch(add):
        wanted, added = list(dict.fromkeys([*wanted, add])), add
    elif add:
        hits = [
            h
            for h in search_occupations(add, CANDIDATES_SHOWN + len(wanted))
            if h.soc not in wanted
        ]
        if len(hits) == 1 or (hits and fold(hits[0].title) == fold(add)):
            wanted.append(hits[0].soc)
            added = hits[0].soc
        elif hits:
            candidates = hits[:CANDIDATES_SHOWN]
        else:
            notices.append(_("No occupation matches “%(text)s”. Try another word.") % {"text": add})
    titles = dict(
        SocCode.objects.filter(code__in=wanted, level=SocCode.Level.DETAILED).values_list(
            "code", "title"
        )
    )
    errors = [
        _("“%(code)s” is not an SOC code; codes look like 29-1141.") % {"code": code}
        for code in malformed
    ]
    errors += [
        _("No occupation has the SOC code %(code)s.") % {"code": code}
        for code in wanted
        if code not in titles
    ]
    socs = [code for code in wanted if code in titles]
    if len(socs) > MAX_COMPARED:
        errors.append(
            _(
                "You can compare up to %(max)d occupations at a time, and this link names "
                "%(count)d. Remove occupations below until no more than %(max)d are left."
            )
            % {"max": MAX_COMPARED, "count": len(socs)}
        )
    return Selection(socs, errors, notices, candidates, titles, added)


@dataclass(frozen=True)
class Compared:
    row: OccupationRow
    holland_code: str  # O*NET interest high points, e.g. "SIC"

    @property
    def soc(self) -> str:
        return self.row.soc

    @property
    def title(self) -> str:
        return self.row.title

    @property
    def estimate(self) -> WageEstimate | None:
        return self.row.wage.estimate if self.row.wage else None

    @property
    def merged_code(self) -> str:
        wage = self.row.wage
        return wage.estimate.soc_code if wage and wage.merged_occupation else ""

    @property
    def unit(self) -> str:
        """The wage unit BLS publishes for it: "annual", or "hourly" when only that."""
        return wage_unit([self.estimate])

    @property
    def has_hourly(self) -> bool:
        estimate = self.estimate
        return estimate is not None and (
            estimate.median_hourly is not None or "median_hourly" in estimate.top_coded
        )

    @property
    def interest_names(self) -> str:
        return ", ".join(str(RIASEC_NAMES[letter]) for letter in self.holland_code)

    @property
    def education(self) -> str:
        return label(TYPICAL_EDUCATION, self.row.typical_education)

    @property
    def job_zone_name(self) -> str:
        zone = self.row.job_zone
        return str(JOB_ZONE_NAMES.get(zone, "")) if zone else ""


def comparison(socs: Sequence[str]) -> list[Compared]:
    """Statewide figures for each occupation, in the order given; seven queries."""
    rows = {row.soc: row for row in occupation_rows(socs)}
    holland = dict(
        OnetOccupation.objects.filter(soc_code__in=socs, code__endswith=".00").values_list(
            "soc_code", "holland_code"
        )
    )
    return [Compared(rows[soc], holland.get(soc, "")) for soc in socs if soc in rows]


CSV_HEADER = [
    "soc_code",
    "title",
    "wage_area",
    "wage_soc_code",
    "median_annual",
    "median_hourly",
    "pct10_annual",
    "pct25_annual",
    "pct75_annual",
    "pct90_annual",
    "top_coded",
    "annual_openings_estimate",
    "growth_percent_2024_34_national",
    "typical_education",
    "job_zone",
    "riasec_high_points",
    "wage_source",
    "projection_source",
]


def csv_rows(
    compared: Sequence[Compared], wage_source: str, projection_source: str
) -> list[list[object]]:
    rows: list[list[object]] = []
    for item in compared:
        estimate = item.estimate
        rows.append(
            [
                item.soc,
                item.title,
                estimate.area.name if estimate else None,
                estimate.soc_code if estimate else None,
                *(
                    getattr(estimate, column) if estimate else None
                    for column in (
                        "median_annual",
                        "median_hourly",
                        "pct10_annual",
                        "pct25_annual",
                        "pct75_annual",
                        "pct90_annual",
                    )
                ),
                " ".join(estimate.top_coded) if estimate else None,
                item.row.annual_openings,
                item.row.growth_percent,
                item.row.typical_education,
                item.row.job_zone,
                item.holland_code,
                wage_source,
                projection_source,
            ]
        )
    return rows
