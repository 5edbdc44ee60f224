"""The results page's content, built from a profile: what `views.results` renders.

Kept apart from the view so the shareable query string, the chart and the match rows can
be tested and reused (saved results link to the same page).
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pathways.framework.models import Framework
from pathways.framework.names import local_name, name_key
from pathways.occupations.tables import OccupationRow, occupation_rows

from .data import AREAS, Area, Bilingual, current_language, instrument
from .matching import BANDS, JOB_ZONES, Band, ClusterRef, Match, clusters_for, match_profile
from .scoring import MAX_SCORE, Profile, ProfileError, profile_from_scores

MATCHES_SHOWN = 25
SUMMARY_CLUSTERS = 8

JOB_ZONE_LABELS: dict[int, Promise] = {
    1: gettext_lazy("1: little or no preparation"),
    2: gettext_lazy("2: some preparation"),
    3: gettext_lazy("3: medium preparation"),
    4: gettext_lazy("4: considerable preparation"),
    5: gettext_lazy("5: extensive preparation"),
}


def number(value: float) -> int | float:
    """31.0 -> 31; 3.66 -> 3.7 (scores from the forms are whole numbers)."""
    return int(value) if float(value).is_integer() else round(value, 1)


WHOLE_NUMBER = re.compile(r"[0-9]{1,3}", re.ASCII)


@dataclass(frozen=True)
class Options:
    job_zone: int | None = None
    show_all: bool = False


def parse_query(query: Mapping[str, str]) -> tuple[Profile, Options]:
    """A results URL's query string: R I A S E C (0-40), zone (1-5), form=short, all=1."""
    scores: dict[str, object] = {}
    for area in AREAS:
        raw = (query.get(area) or "").strip()
        # ASCII digits only (str.isdigit accepts "²"), and few: a score is at most 40.
        if not WHOLE_NUMBER.fullmatch(raw):
            raise ProfileError(f"score {area} is missing or not a whole number")
        scores[area] = int(raw)
    profile = profile_from_scores(scores, short_form=query.get("form") == "short")
    zone_text = (query.get("zone") or "").strip()
    if zone_text and (not WHOLE_NUMBER.fullmatch(zone_text) or int(zone_text) not in JOB_ZONES):
        raise ProfileError("job zone must be a number from 1 to 5")
    return profile, Options(int(zone_text) if zone_text else None, query.get("all") == "1")


def results_query(profile: Profile, job_zone: int | None = None, show_all: bool = False) -> str:
    """The shareable query string: the scores and options only, never who the student is."""
    params: list[tuple[str, str | int | float]] = [(a, number(profile.scores[a])) for a in AREAS]
    if profile.short_form:
        params.append(("form", "short"))
    if job_zone is not None:
        params.append(("zone", job_zone))
    if show_all:
        params.append(("all", "1"))
    return urlencode(params)


@dataclass(frozen=True)
class AreaScore:
    area: Area
    score: int | float
    percent: float  # of the 0-40 range, for the chart
    top: bool


@dataclass(frozen=True)
class Bar:
    """One bar of the server-rendered SVG chart. Whole-number coordinates in the viewBox, so
    no localised decimal comma ever lands inside the SVG."""

    label: Bilingual
    code: str
    score: int | float
    y: int
    text_y: int
    width: int
    value_x: int
    top: bool


@dataclass(frozen=True)
class Tick:
    x: int
    value: int


CHART_LABEL = 130  # x where the bars start; area names are written to its left
CHART_PLOT = 230  # width of 0-40
CHART_ROW = 34
CHART_BAR = 22
CHART_WIDTH = CHART_LABEL + CHART_PLOT + 40
CHART_HEIGHT = CHART_ROW * 6 + 30
TICKS = (0, 10, 20, 30, 40)


def chart_bars(scores: list[AreaScore]) -> list[Bar]:
    bars = []
    for n, s in enumerate(scores):
        width = round(CHART_PLOT * s.percent / 100)
        y = n * CHART_ROW + 6
        bars.append(
            Bar(s.area.name, s.area.code, s.score, y, y + 16, width, CHART_LABEL + width + 6, s.top)
        )
    return bars


def chart_ticks() -> list[Tick]:
    return [Tick(CHART_LABEL + round(CHART_PLOT * t / MAX_SCORE), t) for t in TICKS]


def join_names(names: list[str]) -> str:
    """ "Social", "Social and Investigative", "Social, Investigative and Artistic"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    text = _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}
    # Spanish writes "e", not "y", before a word starting with an "i" sound.
    last = names[-1].casefold()
    if current_language() == "es" and last.startswith(("i", "hi")) and " y " in text:
        head, _sep, tail = text.rpartition(" y ")
        text = f"{head} e {tail}"
    return text


def why_text(match: Match) -> str:
    areas = instrument().areas
    if match.shared_high:
        names = [str(areas[a].name) for a in match.shared_high]
        return _("High %(areas)s") % {"areas": join_names(names)}
    names = [str(areas[a].name) for a in match.shared_low]
    return _("Low %(areas)s") % {"areas": join_names(names)}


@dataclass(frozen=True)
class ClusterLink:
    code: str
    name: str  # in the page's language
    url: str


@dataclass(frozen=True)
class MatchRow:
    match: Match
    row: OccupationRow | None
    why: str
    url: str  # the occupation's page
    clusters_2024: list[ClusterLink]
    clusters_legacy: list[ClusterLink]


@dataclass(frozen=True)
class ClusterCount:
    code: str
    name: str
    url: str
    count: int


@dataclass(frozen=True)
class BandCount:
    band: Band
    count: int


@dataclass
class Results:
    profile: Profile
    options: Options
    scores: list[AreaScore]
    bars: list[Bar]
    ticks: list[Tick]
    top_areas: list[AreaScore]
    matches: list[Match]  # all, best first
    rows: list[MatchRow]  # those shown
    band_counts: list[BandCount]
    clusters_2024: list[ClusterCount]
    clusters_legacy: list[ClusterCount]
    query: str

    chart: dict[str, int] = field(
        default_factory=lambda: {
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
            "bar": CHART_BAR,
            "label_x": CHART_LABEL - 8,
            "plot_x": CHART_LABEL,
            "axis_y": CHART_ROW * 6 + 4,
            "tick_y": CHART_ROW * 6 + 22,
        }
    )

    @property
    def more_matches(self) -> int:
        return len(self.matches) - len(self.rows)


def cluster_name(ref: ClusterRef) -> str:
    """The cluster's name in the page's language (framework/names_es.toml)."""
    return local_name(ref.code, ref.name)


def _url_for(name: str) -> Callable[[str], str]:
    """reverse() once, then fill in each code: a page of matches links to hundreds."""
    placeholder = "CODE0PLACEHOLDER"
    pattern = reverse(name, args=[placeholder])
    return lambda code: pattern.replace(placeholder, code)


def build_results(profile: Profile, options: Options) -> Results:
    top = profile.top_areas()
    occupation_url = _url_for("occupations:occupation")
    cluster_url = _url_for("framework:cluster")
    areas = instrument().areas
    scores = [
        AreaScore(
            areas[a],
            number(profile.scores[a]),
            round(100 * profile.scores[a] / MAX_SCORE, 1),
            a in top,
        )
        for a in AREAS
    ]
    by_code = {s.area.code: s for s in scores}
    matches = match_profile(profile, options.job_zone)
    shown = matches if options.show_all else matches[:MATCHES_SHOWN]
    table = {r.soc: r for r in occupation_rows([m.soc for m in shown])} if shown else {}
    placements = clusters_for(m.soc for m in matches)
    links = {
        ref.code: ClusterLink(ref.code, cluster_name(ref), cluster_url(ref.code))
        for frameworks in placements.values()
        for refs in frameworks.values()
        for ref in refs
    }
    modern: Counter[str] = Counter()
    legacy: Counter[str] = Counter()
    for m in matches:
        modern.update(ref.code for ref in placements[m.soc][Framework.MODERN])
        legacy.update(ref.code for ref in placements[m.soc][Framework.LEGACY])
    rows = [
        MatchRow(
            m,
            table.get(m.soc),
            why_text(m),
            occupation_url(m.soc),
            _by_name(links[ref.code] for ref in placements[m.soc][Framework.MODERN]),
            _by_name(links[ref.code] for ref in placements[m.soc][Framework.LEGACY]),
        )
        for m in shown
    ]
    counts = Counter(m.band.code for m in matches)
    return Results(
        profile=profile,
        options=options,
        scores=scores,
        bars=chart_bars(scores),
        ticks=chart_ticks(),
        top_areas=[by_code[a] for a in top],
        matches=matches,
        rows=rows,
        band_counts=[BandCount(b, counts[b.code]) for b in BANDS],
        clusters_2024=_ranked(modern, links),
        clusters_legacy=_ranked(legacy, links),
        query=results_query(profile, options.job_zone),
    )


def _by_name(links: Iterable[ClusterLink]) -> list[ClusterLink]:
    return sorted(links, key=lambda link: name_key(link.name))


def _ranked(counter: Counter[str], links: dict[str, ClusterLink]) -> list[ClusterCount]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], name_key(links[kv[0]].name)))
    return [
        ClusterCount(code, links[code].name, links[code].url, n)
        for code, n in ranked[:SUMMARY_CLUSTERS]
    ]
