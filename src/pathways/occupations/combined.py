"""BLS combined occupation codes: OEWS and Employment Projections codes with no SOC 2018
detailed code of their own (25-9045 Teaching Assistants, Except Postsecondary; 31-1120).

BLS publishes some detailed SOC occupations only together, under one code: sometimes the
broad group's code (13-1020 for 13-1021/22/23), sometimes a code of its own (25-9045 for
25-9042, 25-9043 and 25-9049). The files name the combined code and its title but not its
members, so members are derived: the SOC 2018 detailed occupations of the combined code's
broad group that the same source does not publish on their own. In every release loaded
here each broad group holds at most one combined code, so the derivation is unambiguous.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache

from pathways.core.cache import data_version
from pathways.occupations.models import NationalProjection, SocCode, WageEstimate

CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class CombinedCode:
    """A code BLS publishes for several SOC 2018 detailed occupations together."""

    code: str
    title: str  # as BLS publishes it (OEWS's title, else the projections' title)
    members: tuple[str, ...]  # SOC 2018 detailed codes it covers, in code order
    in_oews: bool  # OEWS publishes wages for it
    in_projections: bool  # BLS Employment Projections publish a projection for it


def _broad(code: str) -> str:
    return code[:6]


def derive(
    detailed: Iterable[str],
    oews: dict[str, str],
    projections: dict[str, str],
) -> dict[str, CombinedCode]:
    """Combined codes from SOC detailed codes and each source's published codes -> titles.

    A pure function: `combined_codes()` feeds it the loaded data, tests feed it tables."""
    detailed = set(detailed)
    found: dict[str, CombinedCode] = {}
    for code in sorted((set(oews) | set(projections)) - detailed):
        own = [source for source in (oews, projections) if code in source]
        # Members: siblings that no source publishing the combined code publishes alone.
        members = sorted(
            soc
            for soc in detailed
            if _broad(soc) == _broad(code) and all(soc not in source for source in own)
        )
        if not members:
            continue
        found[code] = CombinedCode(
            code=code,
            title=oews.get(code) or projections.get(code, ""),
            members=tuple(members),
            in_oews=code in oews,
            in_projections=code in projections,
        )
    return found


def _load() -> dict[str, CombinedCode]:
    detailed = SocCode.objects.filter(level=SocCode.Level.DETAILED).values_list("code", flat=True)
    oews = dict(
        WageEstimate.objects.filter(is_detailed=True)
        .values_list("soc_code", "oews_title")
        .distinct()
    )
    projections = dict(
        NationalProjection.objects.filter(is_summary=False).values_list("soc_code", "title")
    )
    return derive(detailed, oews, projections)


def combined_codes() -> dict[str, CombinedCode]:
    """Every combined code loaded, by code; cached until the next data load (two queries)."""
    key = f"pathways:combined-codes:{data_version()}"
    found = cache.get(key)
    if found is None:
        found = _load()
        cache.set(key, found, CACHE_SECONDS)
    return found


def member_map(codes: dict[str, CombinedCode] | None = None) -> dict[str, list[CombinedCode]]:
    """SOC detailed code -> the combined codes that cover it (OEWS's and the projections')."""
    found: dict[str, list[CombinedCode]] = {}
    for combined in (codes if codes is not None else combined_codes()).values():
        for soc in combined.members:
            found.setdefault(soc, []).append(combined)
    return found


def oews_code_for(soc: str, members: dict[str, list[CombinedCode]]) -> str | None:
    """The OEWS combined code that carries this detailed occupation's wages, if any."""
    return next((c.code for c in members.get(soc, []) if c.in_oews), None)


def projection_code_for(soc: str, members: dict[str, list[CombinedCode]]) -> str | None:
    """The projections' combined code that carries this detailed occupation's outlook, if any."""
    return next((c.code for c in members.get(soc, []) if c.in_projections), None)
