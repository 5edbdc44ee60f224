"""The programs-of-study services under their former names, for callers not yet moved.

The services now live by concern: `sequence.py` (the course sequence), `workflow.py` (the
approval workflow), `reach.py` (what a program leads to, programs by place) and
`history.py` (the audit log). New code imports those; this module goes once the importers
(`programs/importing.py`, being split into `programs/transfer/`) import them too.
"""

from django.core.exceptions import PermissionDenied

from pathways.students.status import refresh as refresh_status

from .errors import WorkflowError, require
from .history import Change, HistoryEntry, may_view_history, program_history, reason_label
from .reach import (
    OccupationsReached,
    ReachedOccupation,
    approved_programs,
    in_cluster,
    occupations_reached,
    programs_for_cluster,
    programs_for_district,
    programs_for_occupation,
)
from .sequence import (
    MIN_COURSES,
    move_placements,
    ordered_sequence,
    sequence_problems,
    set_sequence,
    validate_sequence,
)
from .workflow import (
    REASON_MAX,
    approval,
    approve,
    return_for_changes,
    start_revision,
    submit,
    withdraw,
)

__all__ = [
    "MIN_COURSES",
    "REASON_MAX",
    "Change",
    "HistoryEntry",
    "OccupationsReached",
    "PermissionDenied",
    "ReachedOccupation",
    "WorkflowError",
    "approval",
    "approve",
    "approved_programs",
    "in_cluster",
    "may_view_history",
    "move_placements",
    "occupations_reached",
    "ordered_sequence",
    "program_history",
    "programs_for_cluster",
    "programs_for_district",
    "programs_for_occupation",
    "reason_label",
    "refresh_status",
    "require",
    "return_for_changes",
    "sequence_problems",
    "set_sequence",
    "start_revision",
    "submit",
    "validate_sequence",
    "withdraw",
]
