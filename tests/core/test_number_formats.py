"""Money reads the same way on English and Spanish pages: New Mexico's Spanish readers use
the United States and Mexico number style, not Spain's."""

from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import date_format

from pathways.web.templatetags.pathways import dollars


@pytest.mark.parametrize("language", ["en", "es"])
def test_wages_use_commas_for_thousands_and_a_point_for_cents(language):
    with translation.override(language):
        assert dollars(94340) == "$94,340"
        assert dollars(Decimal("45.36")) == "$45.36"


def test_spanish_dates_keep_spanish_month_names():
    import datetime

    with translation.override("es"):
        assert date_format(datetime.date(2025, 5, 1)) == "1 de mayo de 2025"
