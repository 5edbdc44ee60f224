"""Postings: creating one, the review of employers' postings, closing, and expiry."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from pathways.occupations.models import SocCode

from .models import Opportunity, OpportunityQuerySet, PostingOccupation, today


@transaction.atomic
def create(user: Any, form: Any) -> Opportunity:
    """Save a valid posting form: published at once for district and state staff, waiting
    for review for an employer."""
    if not user.has_perm("opportunities.add_opportunity"):
        raise PermissionDenied(_("Only approved employers and district or state staff post."))
    posting: Opportunity = form.save(commit=False)
    posting.posted_by = user
    if user.has_perm("opportunities.publish_opportunity"):
        posting.status = Opportunity.Status.PUBLISHED
    else:
        posting.status = Opportunity.Status.PENDING
    posting.save()
    PostingOccupation.objects.bulk_create(
        PostingOccupation(opportunity=posting, soc_id=code)
        for code in form.cleaned_data.get("occupation_codes", [])
    )
    return posting


def moderation_queue(user: Any) -> OpportunityQuerySet:
    """Employers' postings waiting for this user's review, oldest first."""
    if not user.has_perm("opportunities.view_moderation_queue"):
        raise PermissionDenied(_("District coordinators and state staff review postings."))
    return (
        Opportunity.objects.visible_to(user)
        .filter(status=Opportunity.Status.PENDING)
        .select_related("district", "posted_by__employer_profile")
        .order_by("created_at")
    )


def review(reviewer: Any, posting: Opportunity, approve: bool, comment: str = "") -> Opportunity:
    if not reviewer.has_perm("opportunities.moderate_opportunity", posting):
        raise PermissionDenied(_("This posting is not waiting for your review."))
    posting.status = Opportunity.Status.PUBLISHED if approve else Opportunity.Status.RETURNED
    posting.reviewed_by = reviewer
    posting.reviewed_at = timezone.now()
    posting.review_comment = comment
    posting.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    return posting


def close(user: Any, posting: Opportunity) -> Opportunity:
    if not user.has_perm("opportunities.close_opportunity", posting):
        raise PermissionDenied(_("Only whoever posted it, or staff, may close a posting."))
    posting.status = Opportunity.Status.CLOSED
    posting.closed_at = timezone.now()
    posting.save(update_fields=["status", "closed_at"])
    return posting


def close_expired() -> int:
    """Mark closed every published posting past its deadline or end date; the lists hide
    them already (a query-time filter), so this only keeps the stored status true."""
    return Opportunity.objects.expired(today()).update(
        status=Opportunity.Status.CLOSED, closed_at=timezone.now()
    )


def own_postings(user: Any) -> OpportunityQuerySet:
    """What the user posted, newest first, with how many applied to each."""
    from django.db.models import Count

    return (
        Opportunity.objects.filter(posted_by=user)
        .select_related("district")
        .annotate(application_count=Count("applications"))
        .order_by("-created_at")
    )


def occupations_of(posting: Opportunity) -> QuerySet[SocCode]:
    codes = posting.occupations.values_list("soc_id", flat=True)
    return SocCode.objects.filter(code__in=list(codes))
