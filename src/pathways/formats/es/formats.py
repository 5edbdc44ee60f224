"""Spanish as New Mexico reads it: Spanish dates and month names, with the number style of
the United States and Mexico ($94,340 and $45.36), not Spain's (94 340 and 45,36)."""

from django.conf.locale.es.formats import *  # noqa: F403
from django.conf.locale.es_MX.formats import (  # noqa: F401
    DECIMAL_SEPARATOR,
    NUMBER_GROUPING,
    THOUSAND_SEPARATOR,
)
