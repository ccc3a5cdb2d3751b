"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, on a port the system picks.

It keeps what arrives (envelope and parsed message) and can be told to refuse, with
the 5xx answers a real relay gives.
"""

import contextlib
import email
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller


@dataclass
class Delivered:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        return f"{self.message['Subject']}\n{self.message.get_content()}"


@dataclass
class Relay:
    """The handler: ``refuse`` is None (accept), "rcpt" or "data" (answer 5xx there)."""

    delivered: list[Delivered] = field(default_factory=list)
    refuse: str | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse == "rcpt":
            return "550 5.7.1 Relaying denied"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse == "data":
            return "554 5.7.1 Message refused"
        message = email.message_from_bytes(envelope.original_content, policy=default)
        self.delivered.append(Delivered(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


class LocalSMTP(Controller):
    """aiosmtpd's threaded controller on 127.0.0.1; port 0 lets the system choose."""

    def __init__(self, relay: Relay, port: int = 0):
        super().__init__(relay, hostname="127.0.0.1", port=port)

    def _trigger_server(self):
        # With port 0, learn the real port before the controller's first connection.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def use_smtp(settings, port):
    """The site's mail through the relay on ``port`` (plain SMTP on 127.0.0.1)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5


@contextlib.contextmanager
def mail_thread_to(relay: Relay, settings):
    """The relay served on a local port, the site's mail sent to it from the mail thread
    (as in production: after commit, in batches)."""
    server = LocalSMTP(relay)
    server.start()
    use_smtp(settings, server.port)
    settings.REQUEST_NOTIFY_IN_BACKGROUND = True
    try:
        yield relay
    finally:
        server.stop()
