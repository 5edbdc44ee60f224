"""One report cell as the tables show it: its count, "*" when suppressed, "—" when missing.

A filter rather than an included template: a statewide table has thousands of cells, and an
include per cell was a third of the page's rendering time.
"""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from pathways.students.report_tables import Cell

register = template.Library()


@register.filter
def report_cell(cell: Cell) -> SafeString | str:
    if cell.suppressed:
        return format_html('*<span class="visually-hidden"> {}</span>', _("(suppressed)"))
    if cell.count is None:
        return "—"
    return str(intcomma(cell.count))
