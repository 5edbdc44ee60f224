"""A cache generation key: a data load bumps it, so cached pages refresh at once."""

from django.core.cache import cache

GENERATION_KEY = "pathways:data-generation"


def data_generation() -> int:
    return int(cache.get_or_set(GENERATION_KEY, 1, timeout=None) or 1)


def bump_data_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
