"""The names data loads give their row counts ("wage estimates"), for the data sources page.

Loads store these English names in `DataSource.row_counts`; the page shows them translated."""

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

ROW_LABELS = [
    _("counties"),
    _("workforce regions"),
    _("school districts"),
    _("OEWS areas"),
    _("SOC codes"),
    _("CIP codes"),
    _("CIP-SOC links"),
    _("Job zones"),
    _("O*NET occupations"),
    _("Education, training and experience shares"),
    _("Job titles"),
    _("Related occupations"),
    _("Tasks"),
    _("wage estimates"),
    _("national projections"),
    _("clusters"),
    _("pathways"),
    _("pathway occupations"),
    _("sub-clusters"),
    _("sub-cluster occupations"),
    _("sub-cluster programs"),
    _("fair market rents"),
    _("cluster bridges"),
    _("state projection estimates"),
]


def row_label(name: str) -> str:
    """A row-count name in the page's language (unknown names as stored)."""
    return gettext(name)
