"""The organisation's facts as the requests app reads them: the one door to them.

Everything in requests_app that names the organisation, its phone number, hours, e-mail
or response time asks here. For now the facts come from the content cache; once facts
must be confirmed before parents see them, only this module changes. An unconfirmed fact
is None: callers leave out what they would have said with it (the name and the phone
number are always there).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings

from content.cache import get_site_context


@dataclass(frozen=True)
class OrgFacts:
    organisation_name: str
    phone: str
    phone_uri: str
    email: str | None
    opening_hours: str | None
    opens_at: datetime.time | None
    closes_at: datetime.time | None
    response_days: int | None

    @property
    def due_days(self) -> int:
        """Working days to a request's due date: the promise, or staff's own target."""
        if self.response_days is None:
            return settings.TRIAGE_DEFAULT_RESPONSE_DAYS
        return self.response_days


def org_facts() -> OrgFacts:
    site = get_site_context()
    return OrgFacts(
        organisation_name=site.organisation_name,
        phone=site.phone,
        phone_uri=site.phone_uri,
        email=site.email or None,
        opening_hours=site.opening_hours or None,
        opens_at=site.opens_at,
        closes_at=site.closes_at,
        response_days=site.response_days,
    )
