"""The door of the admin: two-factor login (TOTP) for staff where settings require it.

``ADMIN_REQUIRE_2FA`` (on in production) is read per request, so one admin site serves
both a laptop (password only) and production (password plus a code from an app).
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import pre_save
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Password and code on one form, in Dutch.

    Staff normally have one authenticator app; then no device needs choosing. Only an
    account with several devices is asked which one (the select appears after a first try).
    """

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": "Vul de code uit uw authenticator-app in.",
        "invalid_token": "Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.",
        "device_required": "Kies de app waarmee u inlogt.",
        "n_failed_attempts": "Te veel verkeerde codes. Wacht even en probeer het dan opnieuw.",
        "verification_not_allowed": "Inloggen met een code is nu even niet mogelijk. Probeer het later opnieuw.",
    }

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True))
            if len(devices) == 1:
                device = devices[0]
        return device

    def clean(self):
        self.cleaned_data = AdminAuthenticationForm.clean(self)  # the password first
        user = self.get_user()
        if user is not None and not list(devices_for_user(user, confirmed=True)):
            self._count_failure()
            raise forms.ValidationError(
                "Voor dit account is nog geen authenticator-app gekoppeld. Vraag een beheerder "
                "om die te koppelen (zie de README: Twee-factor-inlog).",
                code="no_device",
            )
        try:
            self.clean_otp(user)
        except forms.ValidationError:
            self._count_failure()
            raise
        return self.cleaned_data

    def _count_failure(self):
        # A right password with a wrong (or no) code is a failed login too: tell django-axes,
        # so that guessing codes leads to the same lock-out as guessing passwords.
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.cleaned_data.get("username")},
            request=self.request,
        )


class StaffAdminSite(OTPAdminSite):
    site_header = "Bijzonder Jeugdwerk — beheer"
    site_title = "Bijzonder Jeugdwerk beheer"
    index_title = "Aanvragen en inhoud"
    login_template = "admin/login.html"

    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return StaffLoginForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

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
