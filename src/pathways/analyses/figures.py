"""The live figures an analysis may embed: a small registry of kinds over existing services.

Each kind reads its arguments from a `Shortcode`, calls the labour-market services
(`occupations.markets`, `occupations.tables`, `occupations.wages`) and returns a `Figure`:
one value or a table of occupations, with the sources it cites. A bad argument is a
`ShortcodeError` naming the line, which the editor shows as a form error.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from pathways.geography.models import OewsArea, WorkforceRegion
from pathways.geography.services import state_area_code
from pathways.occupations import markets
from pathways.occupations.models import SocCode, WageEstimate
from pathways.occupations.tables import OccupationRow, occupation_rows
from pathways.occupations.wages import Wage, wages_for

from .shortcodes import Shortcode, ShortcodeError

STATEWIDE = "statewide"
MAX_ROWS = markets.TOP_N
TABLE_SOURCES = ("oews", "state_projections", "bls_ep")


@dataclass
class Figure:
    key: str
    kind: str
    label: str
    sources: tuple[str, ...]
    # A single value (`unit` says what it counts) or a table of occupation rows.
    value: int | None = None
    unit: str = ""
    wage: Wage | None = None
    rows: list[OccupationRow] = field(default_factory=list)
    metric: str = ""  # which column ranks the table: "openings" or "wage"
    notes: list[str] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.metric)

    def snapshot(self) -> dict[str, Any]:
        """What publishing keeps: the numbers, language-neutral, JSON-ready."""
        if self.is_table:
            return {"rows": [[r.soc, r.title, _row_metric(r, self.metric)] for r in self.rows]}
        return {"value": self.value, "unit": self.unit}


def _row_metric(row: OccupationRow, metric: str) -> int | None:
    if metric == "openings":
        return row.annual_openings
    wage = row.comparable_annual_wage
    return None if wage is None else int(wage)


@dataclass(frozen=True)
class FigureKind:
    name: str
    arguments: tuple[str, ...]
    required: tuple[str, ...]
    compute: Callable[[Shortcode], Figure]
    example: str


# Arguments ---------------------------------------------------------------------------


def _region(code: Shortcode) -> WorkforceRegion | None:
    """The region named by `region=` (None = statewide)."""
    slug = code.get("region", STATEWIDE).lower()
    if slug == STATEWIDE:
        return None
    region = WorkforceRegion.objects.select_related("primary_oews_area").filter(slug=slug).first()
    if region is None:
        choices = ", ".join([STATEWIDE, *WorkforceRegion.objects.values_list("slug", flat=True)])
        raise ShortcodeError(
            code.line,
            _("“%(value)s” is not a workforce region. Choose one of: %(choices)s.")
            % {"value": slug, "choices": choices},
        )
    return region


def _area(code: Shortcode) -> tuple[OewsArea, str]:
    """The OEWS area named by `area=` (code or name) or `region=` (its primary area)."""
    if code.get("area") and code.get("region"):
        raise ShortcodeError(code.line, _("Give either area= or region=, not both."))
    wanted = code.get("area")
    if not wanted:
        region = _region(code)
        area = region.primary_oews_area if region else OewsArea.objects.get(pk=state_area_code())
        return area, region.local_name if region else _("New Mexico")
    found = OewsArea.objects.filter(code=wanted).first()
    if found is None:
        name = wanted.removesuffix("MSA").strip().rstrip(",")
        matches = list(OewsArea.objects.filter(name__icontains=name)[:2])
        found = matches[0] if len(matches) == 1 else None
    if found is None:
        raise ShortcodeError(
            code.line,
            _("“%(value)s” is not an OEWS area: give its code (0029740) or its name.")
            % {"value": wanted},
        )
    return found, found.local_name


def _soc(code: Shortcode) -> str:
    soc = code.get("soc")
    if not SocCode.objects.filter(code=soc).exists() and not (
        WageEstimate.objects.filter(soc_code=soc).exists()
    ):
        raise ShortcodeError(
            code.line, _("“%(value)s” is not an occupation code (SOC).") % {"value": soc}
        )
    return soc


def _count(code: Shortcode) -> int:
    text = code.get("n", str(MAX_ROWS))
    if not text.isdigit() or not 1 <= int(text) <= MAX_ROWS:
        raise ShortcodeError(
            code.line,
            _("n must be a whole number from 1 to %(max)d.") % {"max": MAX_ROWS},
        )
    return int(text)


def _title(soc: str) -> str:
    rows = occupation_rows([soc])
    return rows[0].title if rows else soc


# Kinds -------------------------------------------------------------------------------


def _market(code: Shortcode) -> tuple[markets.LabourMarket, str]:
    region = _region(code)
    if region is None:
        return markets.cached_labour_market(None), _("New Mexico")
    place = markets.region_market(region)
    assert place is not None  # no area= asked: the region's primary area
    return place.market, region.local_name


def top_openings(code: Shortcode) -> Figure:
    count = _count(code)
    market, place = _market(code)
    label = _("The %(n)d occupations with the most estimated annual openings, %(place)s") % {
        "n": count,
        "place": place,
    }
    return Figure(
        code.key,
        code.kind,
        label,
        TABLE_SOURCES,
        rows=market.top_by_openings[:count],
        metric="openings",
    )


def top_wages(code: Shortcode) -> Figure:
    count = _count(code)
    market, place = _market(code)
    label = _("The %(n)d occupations with the highest median wage, %(place)s") % {
        "n": count,
        "place": place,
    }
    return Figure(
        code.key, code.kind, label, TABLE_SOURCES, rows=market.top_by_wage[:count], metric="wage"
    )


def median_wage(code: Shortcode) -> Figure:
    soc = _soc(code)
    area, place = _area(code)
    wage = wages_for([soc], area.code).get(soc)
    if wage is None:
        raise ShortcodeError(
            code.line, _("BLS publishes no wage for %(soc)s in this area.") % {"soc": soc}
        )
    label = _("Median annual wage, %(occupation)s, %(place)s") % {
        "occupation": _title(soc),
        "place": place,
    }
    notes = [_("No estimate for this area: the statewide figure is shown.")] * wage.area_fallback
    return Figure(
        code.key,
        code.kind,
        label,
        ("oews",),
        value=wage.estimate.median_annual,
        unit="dollars",
        wage=wage,
        notes=notes,
    )


def openings(code: Shortcode) -> Figure:
    soc = _soc(code)
    area, place = _area(code)
    rows = occupation_rows([soc], area.code)
    value = rows[0].annual_openings if rows else None
    if value is None:
        raise ShortcodeError(
            code.line, _("There is no openings estimate for %(soc)s here.") % {"soc": soc}
        )
    label = _("Estimated annual openings, %(occupation)s, %(place)s") % {
        "occupation": rows[0].title,
        "place": place,
    }
    return Figure(code.key, code.kind, label, TABLE_SOURCES, value=value, unit="openings")


KINDS: dict[str, FigureKind] = {
    kind.name: kind
    for kind in [
        FigureKind("top-openings", ("region", "n"), (), top_openings,
                   "{{ top-openings region=eastern n=10 }}"),
        FigureKind("top-wages", ("region", "n"), (), top_wages,
                   "{{ top-wages region=central n=5 }}"),
        FigureKind("median-wage", ("soc", "area", "region"), ("soc",), median_wage,
                   '{{ median-wage soc=29-1141 area="Las Cruces" }}'),
        FigureKind("openings", ("soc", "region", "area"), ("soc",), openings,
                   "{{ openings soc=47-2111 region=northern }}"),
    ]
}  # fmt: skip


def compute(code: Shortcode) -> Figure:
    """The figure a shortcode asks for; ShortcodeError when it names no kind or a bad value."""
    kind = KINDS.get(code.kind)
    if kind is None:
        raise ShortcodeError(
            code.line,
            _("“%(kind)s” is not a kind of live figure. Choose one of: %(choices)s.")
            % {"kind": code.kind, "choices": ", ".join(KINDS)},
        )
    names = dict(code.arguments)
    for name in names:
        if name not in kind.arguments:
            raise ShortcodeError(
                code.line,
                _("%(kind)s takes no “%(name)s”; it takes: %(choices)s.")
                % {"kind": kind.name, "name": name, "choices": ", ".join(kind.arguments)},
            )
    for name in kind.required:
        if not names.get(name):
            raise ShortcodeError(
                code.line,
                _("%(kind)s needs %(name)s=, for example %(example)s.")
                % {"kind": kind.name, "name": name, "example": kind.example},
            )
    return kind.compute(code)
