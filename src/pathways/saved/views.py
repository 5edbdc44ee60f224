"""Saving occupations (plain POST forms; htmx swaps the button in place when it runs) and
"My saved careers". Saving is for student accounts (rule saved.save_occupation); a code
that has no occupation page is 404, whatever the list holds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.occupations.compare import MAX_COMPARED
from pathways.saved import services
from pathways.saved.listing import saved_items
from pathways.saved.models import MAX_SAVED_OCCUPATIONS

NOT_A_STUDENT = _(
    "Saving careers is for student accounts. Anyone can keep or share an occupation's link."
)


def _require_student(request: HttpRequest) -> None:
    if not request.user.has_perm("saved.save_occupation"):
        raise PermissionDenied(NOT_A_STUDENT)


def _back(request: HttpRequest, soc: str) -> HttpResponse:
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("occupations:occupation", args=[soc])
    return redirect(back)


def _button(request: HttpRequest, soc: str, status: int = 200) -> HttpResponse:
    """The fragment htmx swaps in: the button in its new state, and the message."""
    context = {"soc": soc, "saved": soc in services.saved_codes(request.user), "may_save": True}
    context["next"] = request.POST.get("next", "")
    return render(request, "saved/_save_button.html", context, status=status)


@require_POST
def save_occupation(request: HttpRequest, soc: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("occupations:occupation", args=[soc]))
    _require_student(request)
    try:
        added = services.save_occupation(request.user, soc)
    except services.UnknownOccupation:
        raise Http404(_("No occupation has the SOC code %(code)s.") % {"code": soc[:20]}) from None
    except services.TooManySaved:
        message = _(
            "You have saved %(max)d careers, the most a list can hold. Remove some on "
            "“My saved careers” to save more."
        ) % {"max": MAX_SAVED_OCCUPATIONS}
        if request.headers.get("HX-Request"):
            messages.error(request, message)  # htmx swaps 2xx only: the fragment says it
            return _button(request, soc)
        return render(request, "saved/full.html", {"message": message}, status=400)
    if added:
        messages.success(request, _("Saved to “My saved careers”."))
    if request.headers.get("HX-Request"):
        return _button(request, soc)
    return _back(request, soc)


@require_POST
def remove_occupation(request: HttpRequest, soc: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("saved:mine"))
    _require_student(request)
    if not services.remove_occupation(request.user, soc):
        raise Http404(_("This career is not in your saved list."))
    messages.success(request, _("Removed from “My saved careers”."))
    if request.headers.get("HX-Request"):
        return _button(request, soc)
    return _back(request, soc)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """My saved careers: figures, a side-by-side comparison of chosen ones, other saved items."""
    _require_student(request)
    context = {
        "items": saved_items(request.user),
        "max_compared": MAX_COMPARED,
        "max_saved": MAX_SAVED_OCCUPATIONS,
    }
    return render(request, "saved/mine.html", context)
