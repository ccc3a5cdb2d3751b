"""The door of the admin: two-factor login (TOTP) for staff where settings require it.

``ADMIN_REQUIRE_2FA`` (on in production) is read per request, so one admin site serves
both a laptop (password only) and production (password plus a code from an app).
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.db.models.signals import pre_save
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.plugins.otp_totp.models import TOTPDevice


class StaffPasswordLoginForm(AdminAuthenticationForm):
    """The admin's login form with one Dutch answer for every failure.

    Whatever was wrong (unknown account, wrong password, not staff, inactive, and with
    two-factor a missing or wrong code or no enrolled app), the page reads the same, so
    it never tells which part of a guess was right; and each failure counts once for
    django-axes, so guessing codes locks out like guessing passwords.
    """

    login_failed_message = (
        "Inloggen is niet gelukt. Controleer uw gebruikersnaam en wachtwoord en probeer het "
        "opnieuw. Let op hoofdletters."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "invalid_login": self.login_failed_message,
            "inactive": self.login_failed_message,
        }

    def clean(self):
        try:
            self.cleaned_data = AdminAuthenticationForm.clean(self)  # the password first
            if self.user_cache is not None:
                self.check_second_factor(self.user_cache)
        except forms.ValidationError:
            if self.user_cache is not None:
                # The password was right, so django-axes heard of no failure: tell it.
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": self.cleaned_data.get("username")},
                    request=self.request,
                )
            raise self.login_failed() from None
        return self.cleaned_data

    def check_second_factor(self, user):
        """Raise ValidationError when more than the password is needed and missing."""

    def login_failed(self) -> forms.ValidationError:
        return forms.ValidationError(self.login_failed_message, code="invalid_login")


class StaffLoginForm(StaffPasswordLoginForm, OTPAdminAuthenticationForm):
    """Password and a code from an authenticator app on one form.

    The code is tried against each of the account's confirmed apps, so no choice of
    device is ever shown (django-otp shows one only after a right password, which would
    give the password away).
    """

    login_failed_message = (
        "Inloggen is niet gelukt. Controleer uw gebruikersnaam, wachtwoord en de code uit uw "
        "authenticator-app, en probeer het opnieuw. Let op hoofdletters."
    )

    def check_second_factor(self, user):
        token = (self.cleaned_data.get("otp_token") or "").strip()
        user.otp_device = None  # django-otp marks the session verified from this at login
        if token:
            with transaction.atomic():  # throttling counts are kept, as django-otp does
                for device in devices_for_user(user, confirmed=True):
                    allowed, _ = device.verify_is_allowed()
                    if allowed and device.verify_token(token):
                        user.otp_device = device
                        return
        raise self.login_failed()


class StaffAdminSite(OTPAdminSite):
    site_header = "Bijzonder Jeugdwerk — beheer"
    site_title = "Bijzonder Jeugdwerk beheer"
    index_title = "Aanvragen en inhoud"
    login_template = "admin/login.html"

    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return StaffLoginForm if settings.ADMIN_REQUIRE_2FA else StaffPasswordLoginForm

    def has_permission(self, request):
        if settings.ADMIN_REQUIRE_2FA:
            # Unverified staff are treated as not staff: they see the login form again.
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)


def strict_totp(sender, instance, **kwargs):
    """A code counts only in its own 30-second step (no drift window) and only once."""
    instance.tolerance = 0
    instance.step = 30


pre_save.connect(strict_totp, sender=TOTPDevice, dispatch_uid="strict-totp")
