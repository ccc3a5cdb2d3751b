from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = "Inhoud"

    def ready(self):
        from . import signals  # noqa: F401  (cache invalidation on edits)
        from .groups import sync_after_migrate

        # The content roles follow the models: see content/groups.py.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="sync-content-groups")
