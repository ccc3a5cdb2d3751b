from django.apps import AppConfig


class RequestsAppConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "requests_app"
    verbose_name = "Aanvragen"

    def ready(self):
        from . import staff_auth  # noqa: F401  (strict TOTP devices)
