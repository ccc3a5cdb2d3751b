from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RequestsAppConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "requests_app"
    verbose_name = "Aanvragen"

    def ready(self):
        from . import staff_auth  # noqa: F401  (strict TOTP devices)
        from .groups import sync_after_migrate

        # The staff groups follow the models: see requests_app/groups.py.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="sync-staff-groups")
