"""The reviewers' pages: the supervisor's (by signed link, no account) and the staff's
list and the teacher's verification.

The supervisor sees the student's first name only, the placement and the entries waiting
for them. The page is never cached, and its address never leaves the site as a referrer.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import hours, links
from .forms import DecisionForm, decision_forms
from .models import HoursEntry, Placement
from .views_student import placement_for

Status = HoursEntry.Status


def _decisions(pairs: list[tuple[HoursEntry, DecisionForm]]) -> list[hours.Decision]:
    return [
        hours.Decision(
            entry.pk, form.cleaned_data["decision"] == "approve", form.cleaned_data["comment"]
        )
        for entry, form in pairs
        if form.cleaned_data.get("decision")
    ]


def _review(
    request: HttpRequest, placement: Placement, waiting: str, decide: Any
) -> tuple[list[tuple[HoursEntry, DecisionForm]], bool]:
    """The decision forms of the entries waiting; True when a valid POST was applied."""
    entries = list(placement.entries.filter(status=waiting))
    pairs = decision_forms(entries, request.POST if request.method == "POST" else None)
    if request.method == "POST" and all(form.is_valid() for _entry, form in pairs):
        chosen = _decisions(pairs)
        if chosen:
            decided = decide(placement, chosen)
            messages.success(
                request, _("%(count)s entries decided. Thank you.") % {"count": decided}
            )
            return pairs, True
        messages.error(request, _("Choose approve or dispute for at least one day."))
    return pairs, False


@never_cache
def supervisor(request: HttpRequest, token: str) -> HttpResponse:
    try:
        placement = links.placement_for(token)
    except links.LinkError as error:
        raise PermissionDenied(str(error)) from None
    pairs, done = _review(request, placement, Status.LOGGED, hours.supervisor_decide)
    if done:
        return redirect("placements:supervisor", token=token)
    context = {
        "placement": placement,
        "first_name": placement.student.first_name or _("The student"),
        "pairs": pairs,
    }
    status = 400 if request.method == "POST" else 200
    response = render(request, "placements/supervisor.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    # The link's token never leaves the site in a Referer; "no-referrer" would also blank the
    # form's Origin header, which Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


@login_required
def staff_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("placements.view_staff_list"):
        raise PermissionDenied(_("This page is for teachers, counselors and coordinators."))
    placements = (
        Placement.objects.visible_to(request.user)
        .select_related("student")
        .annotate(waiting=Count("entries", filter=Q(entries__status=Status.SUPERVISOR_APPROVED)))
        .order_by("-waiting", "-start_date", "pk")
    )
    rows = [(p, request.user.has_perm("placements.verify_placement", p)) for p in placements[:500]]
    return render(request, "placements/staff_list.html", {"rows": rows})


@login_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    placement = placement_for(request, pk, "placements.view_placement")
    if not request.user.has_perm("placements.verify_placement", placement):
        raise PermissionDenied(_("Only the teacher named on the placement verifies its hours."))
    pairs, done = _review(request, placement, Status.SUPERVISOR_APPROVED, hours.teacher_decide)
    if done:
        return redirect("placements:verify", pk=placement.pk)
    context = {
        "placement": placement,
        "pairs": pairs,
        "totals": hours.totals(placement),
        "linked": bool(placement.student.student_id),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "placements/verify.html", context, status=status)
