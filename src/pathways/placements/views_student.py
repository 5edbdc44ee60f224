"""The student's pages: "My work-based learning", a placement, logging and fixing hours.

Thin: changes go through hours.py and links.py; who may do what is accounts/rules.py
(`placements.*`), refused with PermissionDenied (403).
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import hours, links
from .forms import HoursForm, PlacementForm
from .models import HoursEntry, Placement


def _student(request: HttpRequest) -> None:
    if not request.user.has_perm("placements.add_placement"):
        raise PermissionDenied(_("Work-based learning records are kept by student accounts."))


def placement_for(request: HttpRequest, pk: int, perm: str) -> Placement:
    """The placement, if the user may see it (404 otherwise, so ids reveal nothing)."""
    placement = get_object_or_404(
        Placement.objects.visible_to(request.user).select_related("student", "teacher", "program"),
        pk=pk,
    )
    if not request.user.has_perm(perm, placement):
        raise PermissionDenied(_("Only the student keeps the hours of this placement."))
    return placement


@login_required
def home(request: HttpRequest) -> HttpResponse:
    _student(request)
    placements = list(Placement.objects.visible_to(request.user).prefetch_related("entries"))
    context = {
        "rows": [(p, hours.totals(p)) for p in placements],
        "linked": bool(request.user.student_id),  # type: ignore[union-attr]
    }
    return render(request, "placements/home.html", context)


@login_required
def new_placement(request: HttpRequest) -> HttpResponse:
    _student(request)
    user: Any = request.user
    form = PlacementForm(request.POST or None, student=user)
    if request.method == "POST" and form.is_valid():
        placement = form.save(commit=False)
        placement.student = user
        placement.district_id = user.district_id
        placement.school_id = user.school_id
        placement.save()
        messages.success(request, _("Placement saved. Log your hours below."))
        return redirect("placements:placement", pk=placement.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "no_teachers": not form.fields["teacher"].queryset.exists()}  # type: ignore[attr-defined]
    return render(request, "placements/new.html", context, status=status)


@login_required
def placement(request: HttpRequest, pk: int) -> HttpResponse:
    found = placement_for(request, pk, "placements.view_placement")
    may_change = request.user.has_perm("placements.change_placement", found)
    form = HoursForm(request.POST or None) if may_change else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the student logs the hours of this placement."))
        if form.is_valid():
            data = form.cleaned_data
            try:
                hours.log_hours(found, data["date"], data["hours"], data["activity"])
            except hours.HoursError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Hours logged."))
                return redirect("placements:placement", pk=found.pk)
    context = {
        "placement": found,
        "entries": list(found.entries.all()),
        "totals": hours.totals(found),
        "form": form,
        "may_change": may_change,
        "may_verify": request.user.has_perm("placements.verify_placement", found),
        "linked": bool(found.student.student_id),
    }
    return render(
        request, "placements/placement.html", context, status=400 if form and form.errors else 200
    )


@login_required
def edit_entry(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    found = placement_for(request, pk, "placements.change_placement")
    entry = get_object_or_404(HoursEntry, placement=found, pk=entry_pk)
    if not entry.editable:
        raise PermissionDenied(_("These hours were approved and can no longer be changed."))
    form = HoursForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            hours.change_entry(entry, data["date"], data["hours"], data["activity"])
        except hours.HoursError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Hours corrected; they go to your supervisor again."))
            return redirect("placements:placement", pk=found.pk)
    status = 400 if request.method == "POST" else 200
    context = {"placement": found, "entry": entry, "form": form}
    return render(request, "placements/edit_entry.html", context, status=status)


@login_required
@require_POST
def delete_entry(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    found = placement_for(request, pk, "placements.change_placement")
    entry = get_object_or_404(HoursEntry, placement=found, pk=entry_pk)
    try:
        hours.delete_entry(entry)
    except hours.HoursError as error:
        raise PermissionDenied(str(error)) from None
    messages.success(request, _("Entry removed."))
    return redirect("placements:placement", pk=found.pk)


@login_required
@require_POST
def send_link(request: HttpRequest, pk: int) -> HttpResponse:
    found = placement_for(request, pk, "placements.change_placement")
    if not found.entries.filter(status=HoursEntry.Status.LOGGED).exists():
        messages.error(request, _("There are no hours waiting for your supervisor."))
        return redirect("placements:placement", pk=found.pk)
    token = links.new_token(found)
    url = request.build_absolute_uri(reverse("placements:supervisor", args=[token]))
    links.send_link(found, url)
    messages.success(
        request,
        _("We e-mailed %(name)s a link to verify your hours. An earlier link no longer works.")
        % {"name": found.supervisor_name},
    )
    return redirect("placements:placement", pk=found.pk)
