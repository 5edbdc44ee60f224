"""Approved programs of study on district, cluster and occupation pages."""

from typing import Any

from django import template

from pathways.programs import reach

register = template.Library()
LIST = "programs/_program_list.html"


@register.inclusion_tag(LIST)
def programs_for_district(district: Any) -> dict[str, Any]:
    return {"programs": reach.programs_for_district(district), "hide_district": True}


@register.inclusion_tag(LIST)
def programs_for_cluster(cluster_code: str) -> dict[str, Any]:
    return {"programs": reach.programs_for_cluster(cluster_code)}


@register.inclusion_tag(LIST)
def programs_for_occupation(soc: str) -> dict[str, Any]:
    return {"programs": reach.programs_for_occupation(soc)}
