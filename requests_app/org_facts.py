"""The organisation's facts as the requests app reads them: the one door to them.

Everything in requests_app that names the organisation, its phone number, hours, e-mail,
response time, intake team or the ages it assesses asks here, and so do its templates
(as ``org``). The facts are the organisation's confirmed facts (content/facts/api.py):
an unconfirmed fact is None (its text ""), and callers leave out what they would have
said with it. The name and the phone number always have a value.
"""

from dataclasses import dataclass

from django.conf import settings

from content.cache import get_site_context, per_version


@dataclass(frozen=True)
class OrgFacts:
    organisation_name: str
    phone: str
    phone_uri: str
    email: str | None
    opening_hours: object | None  # the week's hours (content.facts.hours): .on(day)
    opening_hours_sentence: str  # "Wij zijn bereikbaar ..." or ""
    response_days: int | None
    response_days_text: str  # "3 werkdagen" or ""
    intake_team: str | None
    assessment_ages: dict | None  # {"min": 0, "max": 23}
    assessment_ages_text: str

    @property
    def due_days(self) -> int:
        """Working days to a request's due date: the promise, or staff's own target."""
        if self.response_days is None:
            return settings.TRIAGE_DEFAULT_RESPONSE_DAYS
        return self.response_days


def org_facts() -> OrgFacts:
    """The facts as the forms and e-mails use them, made once per content version."""
    return per_version("org_facts", _build, shared=False)


def _build() -> OrgFacts:
    site = get_site_context()
    facts = site.facts
    return OrgFacts(
        organisation_name=site.organisation_name,
        phone=site.phone,
        phone_uri=site.phone_uri,
        email=facts.email,
        opening_hours=facts.opening_hours,
        opening_hours_sentence=facts.sentence("opening_hours"),
        response_days=facts.response_days,
        response_days_text=facts.display("response_days"),
        intake_team=facts.intake_team,
        assessment_ages=facts.assessment_ages,
        assessment_ages_text=facts.display("assessment_ages"),
    )
