"""The parent's page: no account, a link and a code. The link shows the plan and the
student's saved careers read-only, in the language of the address (/es/ for Spanish); the
code signs. Never cached: the page is one family's."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .forms import ParentSignForm
from .models import ParentLink
from .parents import LinkUnusable, WrongCode, sign_as_parent, usable_link
from .presenting import present
from .versions import PlanError


def _refused(request: HttpRequest, error: LinkUnusable) -> HttpResponse:
    context = {"reason": str(error)}
    return render(request, "plans/parent_refused.html", context, status=error.status)


def usable_link_error(link: ParentLink) -> LinkUnusable:
    try:
        usable_link(link.token)
    except LinkUnusable as error:
        return error
    raise AssertionError("the link is still usable")


@never_cache
def parent_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = usable_link(token)
    except LinkUnusable as error:
        return _refused(request, error)
    plan = link.plan
    form = ParentSignForm(request.POST or None)
    status = 200
    signed = False
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                sign_as_parent(link, data["name"], data["code"], data["version"])
                signed = True
            except WrongCode as error:
                form.add_error("code", str(error))
                status = 403
            except PlanError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                form = ParentSignForm()
        else:
            status = 400
        if link.locked:  # that was the last wrong code the link takes
            return _refused(request, usable_link_error(link))
    context = {"page": present(plan, with_saved=True), "form": form, "signed": signed, "link": link}
    return render(request, "plans/parent.html", context, status=status)
