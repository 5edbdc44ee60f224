"""What programs tells the apps above it: a change to programs of study that status
derived from them (the students app's status engine) must follow at once."""

from collections.abc import Iterable

from django.dispatch import Signal

# Sent with `programs`, a list of program ids, inside the change's transaction.
programs_changed = Signal()


def refresh_status(*, programs: Iterable[int]) -> None:
    """Have every app that derives status from these programs (by id) rebuild it now, in
    the caller's transaction, so reports never show stale status."""
    programs_changed.send(sender=refresh_status, programs=[int(pk) for pk in programs])
