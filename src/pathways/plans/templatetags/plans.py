"""The student's dashboard shows their plan reminders: `{% plan_reminders user %}`."""

from typing import Any

from django import template

from pathways.plans.models import PlanReminder

register = template.Library()


@register.inclusion_tag("plans/_reminders.html")
def plan_reminders(user: Any) -> dict[str, Any]:
    reminders = PlanReminder.objects.filter(student=user, dismissed_at__isnull=True)[:5]
    return {"reminders": list(reminders) if getattr(user, "is_authenticated", False) else []}
