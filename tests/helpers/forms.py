"""Complete, valid submissions of the parents' forms, as a browser sends them.

Answers are the questions' codes (requests_app.choices); change one with a keyword, or
leave it out with None.
"""

import datetime
import re
import time
import uuid

from django.core import signing
from django.utils import timezone

from requests_app.moments import callback_days
from requests_app.spam import TICKET_SALT

ASSESSMENT_URL = "/onderzoek-aanvragen/"
CALLBACK_URL = "/bel-mij-terug/"
FORM_URLS = [ASSESSMENT_URL, CALLBACK_URL]


def ticket(seconds_ago=60, token=None) -> str:
    """A form ticket as a GET hands it out, issued `seconds_ago` seconds ago."""
    token = token or uuid.uuid4()
    return signing.dumps({"k": token.hex, "t": int(time.time() - seconds_ago)}, salt=TICKET_SALT)


def birth_date_years_ago(years, days=30):
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return day - datetime.timedelta(days=days)


def date_parts(day: datetime.date, name="child_birth_date"):
    return {
        f"{name}_dag": str(day.day),
        f"{name}_maand": str(day.month),
        f"{name}_jaar": str(day.year),
    }


def with_overrides(data, overrides):
    """Form data with some answers changed; None leaves an answer out altogether."""
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def assessment_data(**overrides):
    """Everything the assessment form asks, filled in, as one POST would carry it."""
    data = {
        "ticket": ticket(),
        "is_urgent": "nee",
        "child_first_name": "Noor",
        **date_parts(birth_date_years_ago(8)),
        "child_residence": "Helmond",
        "contact_name": "Marieke Jansen",
        "relation": "parent",
        "authority": "both_parents",
        "other_parent_informed": "yes",
        "worries": "Zij raakt in paniek als ik wegga en slaapt slecht.",
        "help_so_far": ["gp"],
        "phone": "06 12345678",
        "email": "marieke@example.org",
        "preferred_channel": "phone",
        "best_moments": ["morning"],
        "voicemail_allowed": "nee",
        "may_name_organisation": "ja",
        "consent": "on",
        "homepage": "",
    }
    return with_overrides(data, overrides)


def send_assessment(client, **overrides):
    """Press "Aanvraag versturen" on the review page with these answers."""
    data = assessment_data(**overrides)
    data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
    data.setdefault("actie", "versturen")
    return client.post(ASSESSMENT_URL, data)


def post_step(client, step, data, action="verder", done=""):
    return client.post(ASSESSMENT_URL, {**data, "stap": step, "actie": action, "klaar": done})


def first_callback_day():
    return callback_days(timezone.localdate(), 5)[0]


def callback_data(**overrides):
    data = {
        "ticket": ticket(),
        "contact_name": "Marieke Jansen",
        "phone": "06 12345678",
        "voicemail_allowed": "ja",
        "callback_date": first_callback_day().isoformat(),
        "callback_daypart": "morning",
        "topic": "attachment",
        "note": "",
        "email": "marieke@example.org",
        "consent": "on",
        "homepage": "",
    }
    return with_overrides(data, overrides)


def send_callback(client, **overrides):
    return client.post(CALLBACK_URL, callback_data(**overrides))


def hidden_values(response) -> dict[str, list[str]]:
    """The hidden inputs a page carries, by name (what the next POST will send)."""
    html = response.content.decode()
    values = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        values.setdefault(name, []).append(value)
    return values


def confirmation_reference(client, response) -> str:
    page = client.get(response["Location"])
    match = re.search(r"(OZ|TB)-\d{4}-\d{5}", page.content.decode())
    return match.group(0)
