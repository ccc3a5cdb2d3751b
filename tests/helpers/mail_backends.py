"""A test e-mail backend: delivers to mail.outbox like locmem, but refuses one address.

Used to show that a message that already went out is not sent again on a retry.
"""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

REFUSED = "weigert@example.org"


class RefusesOneAddressBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"no such user")})
        return super().send_messages(messages)
