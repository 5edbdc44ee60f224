"""The "Save" button an occupation's page (or any page naming an occupation) shows."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from pathways.saved.services import saved_codes

register = template.Library()


@register.inclusion_tag("saved/_save_button.html", takes_context=True)
def save_occupation_button(context: dict[str, Any], soc: str) -> dict[str, Any]:
    """A visitor sees a sign-in hint (the same for every visitor, so the page stays
    cacheable); a student the button in its state; other accounts a short note."""
    request = context["request"]
    user = request.user
    may_save = user.has_perm("saved.save_occupation")
    return {
        "soc": soc,
        "signed_in": user.is_authenticated,
        "may_save": may_save,
        "saved": may_save and soc in saved_codes(user),
        "next": request.path,
        "login_url": f"{reverse('accounts:login')}?{urlencode({'next': request.path})}",
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
    }
