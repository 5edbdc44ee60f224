"""Public pages: the list of approved programs of study and each program's page."""

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from pathways.occupations.models import CipCode

from . import history, reach, sequence, workflow
from .forms_public import ProgramFilterForm
from .models import ProgramOfStudy

PAGE_SIZE = 25
OCCUPATIONS_SHOWN = 20  # most openings first; "?occupations=all" shows every one


def program_list(request: HttpRequest) -> HttpResponse:
    """Approved programs, filtered by district, workforce region and career cluster."""
    form = ProgramFilterForm(request.GET or None)
    programs = reach.approved_programs()
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            if data["district"]:
                programs = programs.filter(district=data["district"])
            if data["region"]:
                programs = programs.filter(district__county__region=data["region"])
            if data["cluster"]:
                programs = programs.filter(reach.in_cluster(data["cluster"].pk))
        else:
            status = 400
            programs = programs.none()
    page = Paginator(programs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "programs": page.object_list,
        "filtered": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
        "query": query.urlencode(),
    }
    return render(request, "programs/program_list.html", context, status=status)


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A program's page; anyone sees an approved program, staff who may view a draft see
    it with a status banner, everyone else gets 404."""
    program = get_object_or_404(
        ProgramOfStudy.objects.select_related(
            "district__county__region", "subcluster__cluster", "legacy_pathway__cluster"
        ).prefetch_related("postsecondary_programs"),  # the page and occupations_reached
        pk=pk,
    )
    if not request.user.has_perm("programs.view_programofstudy", program):
        raise Http404
    return render(request, "programs/program_detail.html", program_context(request, program))


def _occupations(request: HttpRequest, reached: reach.OccupationsReached) -> list[Any]:
    items = reached.items
    return items if request.GET.get("occupations") == "all" else items[:OCCUPATIONS_SHOWN]


def program_context(request: HttpRequest, program: ProgramOfStudy) -> dict[str, Any]:
    """What the program page and the state review page show about a program."""
    user = request.user
    is_approved = program.status == ProgramOfStudy.Status.APPROVED
    can_change = user.has_perm("programs.change_programofstudy", program)
    can_submit = user.has_perm("programs.submit_programofstudy", program)
    can_review = user.has_perm("programs.review_programofstudy", program)
    reached = reach.occupations_reached(program)
    postsecondary = list(program.postsecondary_programs.all())
    return {
        "program": program,
        "sequence": sequence.ordered_sequence(program),
        "credentials": list(program.credentials.all()),
        "postsecondary": postsecondary,
        "cip_titles": dict(
            CipCode.objects.filter(code__in={p.cip_code for p in postsecondary}).values_list(
                "code", "title"
            )
        ),
        "work_based_learning": list(program.work_based_learning.all()),
        "reached": reached,
        "occupations": _occupations(request, reached),
        "occupations_shown": OCCUPATIONS_SHOWN,
        "approval": workflow.approval(program) if is_approved else None,
        "can_change": can_change,
        "can_submit": can_submit,
        "can_review": can_review,
        "can_withdraw": user.has_perm("programs.withdraw_programofstudy", program),
        "can_revise": user.has_perm("programs.revise_programofstudy", program),
        "open_revision": (
            ProgramOfStudy.objects.filter(revision_of=program).first()
            if user.has_perm("programs.view_programofstudy_history", program)
            else None
        ),
        "can_view_history": history.may_view_history(user, program),
        "problems": (
            sequence.validate_sequence(program) if (can_change or can_submit or can_review) else []
        ),
    }
