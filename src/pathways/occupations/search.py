"""Occupation search over SOC titles and O*NET alternate and reported titles."""

from dataclasses import dataclass, field

from django.db.models import Q

from pathways.core.text import fold
from pathways.occupations.models import OnetTitle, SocCode


@dataclass(frozen=True)
class SearchHit:
    soc: str
    title: str
    matched_title: str  # the alternate or reported title that matched, if not the title itself


@dataclass
class _Collector:
    limit: int
    hits: dict[str, SearchHit] = field(default_factory=dict)

    def add(self, soc: str, title: str, matched: str = "") -> None:
        if soc not in self.hits and len(self.hits) < self.limit:
            self.hits[soc] = SearchHit(soc, title, matched)


def search_occupations(query: str, limit: int = 10) -> list[SearchHit]:
    """Titles first, then O*NET alternate and reported titles; case and accents ignored."""
    folded = fold(query)
    if len(folded) < 2:
        return []
    words = folded.split()
    found = _Collector(limit)
    detailed = {c.code: c.title for c in SocCode.objects.filter(level=SocCode.Level.DETAILED)}
    for code, title in sorted(
        detailed.items(), key=lambda item: (not fold(item[1]).startswith(folded), item[1])
    ):
        if all(w in fold(title) for w in words):
            found.add(code, title)
    if len(found.hits) < limit:
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
        titles = (
            OnetTitle.objects.filter(condition)
            .order_by("search_text")
            .values_list("onet_code", "title")
        )
        for onet_code, title in titles[: limit * 20]:
            soc = onet_code[:7]
            if soc in detailed:
                found.add(soc, detailed[soc], title)
    return list(found.hits.values())
