from typing import Any

from django.apps import AppConfig


class StudentsConfig(AppConfig):
    name = "pathways.students"

    def ready(self) -> None:
        # A change to programs of study rebuilds the status of their students at once.
        from pathways.programs.signals import programs_changed

        programs_changed.connect(_refresh_status, dispatch_uid="students-status-on-programs")
        # A data load changes the content version the report tables are cached under.
        from pathways.datasets.loading import sources_loaded

        sources_loaded.connect(_warm_reports, dispatch_uid="students-warm-on-data-load")


def _refresh_status(sender: Any, programs: list[int], **kwargs: Any) -> None:
    from pathways.students.report_warming import warm_after_commit
    from pathways.students.status import refresh

    refresh(programs=programs)
    warm_after_commit()  # the new status reaches the first report view warmed


def _warm_reports(sender: Any, **kwargs: Any) -> None:
    from pathways.students.report_warming import warm_after_commit

    warm_after_commit()
