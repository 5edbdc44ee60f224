"""The caseload page for counselors, coordinators and the state: filters in the query
string (validated: a bad value is 400 with the reason), reminders to chosen students and
the audited CSV."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pathways.core.school_years import current_school_year
from pathways.core.spreadsheets.writing import csv_response
from pathways.programs.models import ProgramOfStudy

from .caseload import (
    CTE_STATUSES,
    SHOWN_ROWS,
    Filters,
    caseload,
    cte_label,
    export_rows,
    remind,
)
from .models import GRADES
from .versions import STATUS_LABELS, due_date

MESSAGE_MAX = 500
DEFAULT_REMINDER = gettext_lazy(
    "Please finish your Next Step Plan and sign it; then ask your parent or guardian to sign."
)


class FilterForm(forms.Form):
    grade = forms.TypedChoiceField(
        label=gettext_lazy("Grade"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", gettext_lazy("Any"))] + [(str(g), str(g)) for g in GRADES],
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Plan status"),
        required=False,
        choices=[("", gettext_lazy("Any"))] + [(str(k), v) for k, v in STATUS_LABELS.items()],
    )
    program = forms.TypedChoiceField(
        label=gettext_lazy("Program of study"), required=False, coerce=int, empty_value=None
    )
    cte = forms.ChoiceField(
        label=gettext_lazy("CTE status"),
        required=False,
        choices=[("", gettext_lazy("Any")), ("none", gettext_lazy("Not yet a participant"))]
        + [(s, s) for s in CTE_STATUSES],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programs = ProgramOfStudy.objects.visible_to(user).approved().order_by("title")
        if user.district_id:
            programs = programs.filter(district_id=user.district_id)
        self.fields["program"].choices = [("", _("Any"))] + [  # type: ignore[attr-defined]
            (str(p.pk), p.title) for p in programs
        ]
        self.fields["cte"].choices = [  # type: ignore[attr-defined]
            (k, cte_label(k) or v)
            for k, v in self.fields["cte"].choices  # type: ignore[attr-defined]
        ]

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            grade=data["grade"], status=data["status"], program=data["program"], cte=data["cte"]
        )


class ReminderForm(forms.Form):
    students = forms.TypedMultipleChoiceField(coerce=int)
    message = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_students(self) -> list[int]:
        return list(self.cleaned_data["students"])


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_perm("plans.view_caseload"):
        raise PermissionDenied(_("The caseload is for counselors, coordinators and state staff."))


@login_required
def caseload_page(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    form = FilterForm(request.GET or None, user=request.user)
    if request.GET and not form.is_valid():
        return render(request, "plans/caseload.html", {"filter_form": form, "rows": []}, status=400)
    filters = form.filters() if request.GET else Filters()
    rows = caseload(request.user, filters)
    if request.GET.get("format") == "csv":
        if not request.user.has_perm("plans.export_caseload"):
            raise PermissionDenied(_("You may not export the caseload."))
        header, table = export_rows(request.user, rows)
        return csv_response("caseload.csv", header, table)
    year = current_school_year()
    context = {
        "filter_form": form,
        "rows": rows[:SHOWN_ROWS],
        "total": len(rows),
        "shown_max": SHOWN_ROWS,
        "due": due_date(year),
        "school_year": year,
        "reminder_default": DEFAULT_REMINDER,
        "message_max": MESSAGE_MAX,
        "csv_query": _with_csv(request),
    }
    return render(request, "plans/caseload.html", context)


def _with_csv(request: HttpRequest) -> str:
    params = request.GET.copy()
    params["format"] = "csv"
    return params.urlencode()


@login_required
def send_reminders(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    if request.method != "POST":
        return redirect("plans:caseload")
    ids = request.POST.getlist("students")
    form = ReminderForm(request.POST)
    form.fields["students"].choices = [(i, i) for i in ids if i.isdigit()]  # type: ignore[attr-defined]
    if not ids:
        messages.error(request, _("Choose at least one student to remind."))
        return redirect("plans:caseload")
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return render(request, "plans/reminder_refused.html", {"reason": errors}, status=400)
    sent = remind(request.user, form.cleaned_data["students"], form.cleaned_data["message"])
    messages.success(request, _("Reminders sent: %(count)d.") % {"count": sent})
    return redirect("plans:caseload")
