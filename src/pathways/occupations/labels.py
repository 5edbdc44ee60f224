"""Short labels, in the page's language, for categories the sources publish in English.

Keys are the publishers' exact values; an unknown value is shown as published.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# BLS Employment Projections: typical education needed for entry.
TYPICAL_EDUCATION: dict[str, Promise] = {
    "Doctoral or professional degree": _("Doctoral or professional degree"),
    "Master's degree": _("Master's degree"),
    "Bachelor's degree": _("Bachelor's degree"),
    "Associate's degree": _("Associate's degree"),
    "Postsecondary nondegree award": _("Postsecondary certificate (no degree)"),
    "Some college, no degree": _("Some college, no degree"),
    "High school diploma or equivalent": _("High school diploma or equivalent"),
    "No formal educational credential": _("No formal educational credential"),
}
WORK_EXPERIENCE: dict[str, Promise] = {
    "5 years or more": _("5 years or more"),
    "Less than 5 years": _("Less than 5 years"),
    "None": _("None"),
}
JOB_TRAINING: dict[str, Promise] = {
    "Internship/residency": _("Internship or residency"),
    "Apprenticeship": _("Apprenticeship"),
    "Long-term on-the-job training": _("Long-term on-the-job training (over a year)"),
    "Moderate-term on-the-job training": _("Moderate-term on-the-job training (1 to 12 months)"),
    "Short-term on-the-job training": _("Short-term on-the-job training (up to a month)"),
    "None": _("None"),
}
# O*NET "Required Level of Education" categories (scale RL), by category number.
REQUIRED_EDUCATION: dict[int, Promise] = {
    1: _("Less than high school"),
    2: _("High school diploma or GED"),
    3: _("Postsecondary certificate"),
    4: _("Some college courses"),
    5: _("Associate's degree"),
    6: _("Bachelor's degree"),
    7: _("Post-baccalaureate certificate"),
    8: _("Master's degree"),
    9: _("Post-master's certificate"),
    10: _("First professional degree"),
    11: _("Doctoral degree"),
    12: _("Post-doctoral training"),
}
JOB_ZONE_NAMES: dict[int, Promise] = {
    1: _("Little or no preparation needed"),
    2: _("Some preparation needed"),
    3: _("Medium preparation needed"),
    4: _("Considerable preparation needed"),
    5: _("Extensive preparation needed"),
}
RIASEC_NAMES: dict[str, Promise] = {
    "R": _("Realistic"),
    "I": _("Investigative"),
    "A": _("Artistic"),
    "S": _("Social"),
    "E": _("Enterprising"),
    "C": _("Conventional"),
}


def label(table: dict[str, Promise], value: str) -> str:
    return str(table.get(value, value))
