"""The public list: open postings filtered by region, cluster, occupation, kind, pay, age."""

from typing import Any

from django.db.models import Q

from pathways.occupations.models import SocCode

from .models import Opportunity, OpportunityQuerySet, PostingOccupation


def open_postings() -> OpportunityQuerySet:
    return Opportunity.objects.open().select_related("district__county__region", "cluster")


def occupation_choices() -> list[tuple[str, str]]:
    """The occupations open postings name, for the filter's list (code, "code title")."""
    codes = (
        PostingOccupation.objects.filter(opportunity__in=Opportunity.objects.open())
        .values_list("soc_id", flat=True)
        .distinct()
    )
    return [
        (soc.code, f"{soc.code} {soc.title}")
        for soc in SocCode.objects.filter(code__in=list(codes)).order_by("code")
    ]


def filtered(postings: OpportunityQuerySet, filters: dict[str, Any]) -> OpportunityQuerySet:
    """Apply a valid filter form's cleaned data."""
    if filters.get("region"):
        postings = postings.filter(district__county__region=filters["region"])
    if filters.get("cluster"):
        postings = postings.filter(cluster=filters["cluster"])
    if filters.get("occupation"):
        postings = postings.filter(occupations__soc_id=filters["occupation"])
    if filters.get("kind"):
        postings = postings.filter(kind=filters["kind"])
    if filters.get("paid") in ("yes", "no"):
        postings = postings.filter(paid=filters["paid"] == "yes")
    if filters.get("age") is not None:
        postings = postings.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters["age"]))
    return postings.distinct()
