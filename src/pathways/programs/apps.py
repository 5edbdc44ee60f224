from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ProgramsConfig(AppConfig):
    name = "pathways.programs"

    def ready(self) -> None:
        # Public pages list approved programs; any change to them refreshes cached pages.
        from pathways.core.cache import bump_content_version

        from . import models

        for model in (
            models.ProgramOfStudy,
            models.ProgramCourse,
            models.WorkBasedLearning,
            models.Course,
            models.Credential,
            models.PostsecondaryProgram,
        ):
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"del-{model}")
        for field in (
            models.ProgramOfStudy.credentials,
            models.ProgramOfStudy.postsecondary_programs,
        ):
            m2m_changed.connect(
                bump_content_version, sender=field.through, dispatch_uid=f"m2m-{field.through}"
            )
