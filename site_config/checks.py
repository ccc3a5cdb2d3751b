"""System checks of the site's own configuration (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, register

# Backends that deliver nothing to anyone; console and file also write parents' e-mail
# addresses and references where they do not belong (the log, the disk).
NOT_SENDING = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@register("site", deploy=True)
def mail_relay_check(app_configs, **kwargs):
    """Production mail must go to an SMTP relay."""
    if settings.EMAIL_BACKEND not in NOT_SENDING:
        return []
    return [
        Error(
            f"E-mail is not sent: EMAIL_BACKEND is {settings.EMAIL_BACKEND}.",
            hint=(
                "Set EMAIL_URL to the SMTP relay, for example "
                "smtp+tls://USER:PASSWORD@relay.example.org:587. Without it intake never "
                "hears of a request and no parent gets a confirmation."
            ),
            id="site_config.E001",
        )
    ]
