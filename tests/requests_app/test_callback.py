"""Bel mij terug: a short form, a moment on the coming working days (within the opening
hours once the organisation confirmed them)."""

import datetime
import html as htmllib
import re
import zoneinfo

import pytest

from requests_app.models import CallbackRequest, EventType
from tests.content.html import main_text
from tests.factories import confirm_fact
from tests.helpers.forms import CALLBACK_URL, callback_data, send_callback

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def on_friday_13_march_2026(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 13, 11, 0, tzinfo=AMSTERDAM), tick=False)


def offered(html, name):
    return re.findall(rf'<input type="radio" name="{name}" value="([^"]+)"', html)


def error_summary(response):
    html = htmllib.unescape(response.content.decode())
    summary = re.search(r'<div class="error-summary".*?</ul>', html, re.S)
    return re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary.group(0)) if summary else []


def test_a_parent_leaves_a_number_and_gets_a_reference(client):
    response = send_callback(client, note="Over mijn pleegzoon.")
    assert response.status_code == 302
    assert response["Location"].startswith("/bel-mij-terug/ontvangen/")
    req = CallbackRequest.objects.get()
    assert req.reference.startswith("TB-")
    assert (req.contact_name, req.phone, req.topic) == (
        "Marieke Jansen",
        "+31612345678",
        "attachment",
    )
    assert req.voicemail_allowed is True
    assert req.callback_daypart == "morning"
    assert req.note == "Over mijn pleegzoon."
    assert req.kind == "callback"
    assert list(req.events.values_list("type", flat=True)) == [EventType.CREATED]


def test_the_page_offers_the_coming_working_days_and_skips_the_weekend(
    client, on_friday_13_march_2026
):
    html = client.get(CALLBACK_URL).content.decode()
    assert offered(html, "callback_date") == [
        "2026-03-16",
        "2026-03-17",
        "2026-03-18",
        "2026-03-19",
        "2026-03-20",
    ]
    assert "maandag 16 maart" in html


def test_public_holidays_are_not_offered(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 4, 24, 11, 0, tzinfo=AMSTERDAM), tick=False)
    days = offered(client.get(CALLBACK_URL).content.decode(), "callback_date")
    assert "2026-04-27" not in days  # Koningsdag
    assert days[0] == "2026-04-28"


def test_without_confirmed_hours_a_parent_picks_morning_or_afternoon_without_clock_times(
    client, on_friday_13_march_2026
):
    html = client.get(CALLBACK_URL).content.decode()
    assert offered(html, "callback_daypart") == ["morning", "afternoon"]
    assert "uur" not in main_text(html)  # no opening hours nobody confirmed
    assert len(offered(html, "callback_date")) == 5
    assert send_callback(client, callback_daypart="afternoon").status_code == 302


def test_confirmed_hours_decide_the_days_and_day_parts_on_offer(client, on_friday_13_march_2026):
    # Open on Mondays 13-20 and Wednesdays 9-12 only.
    confirm_fact("opening_hours", {"1": ["13:00", "20:00"], "3": ["09:00", "12:00"]})
    html = client.get(CALLBACK_URL).content.decode()
    assert offered(html, "callback_date") == [
        "2026-03-16",
        "2026-03-18",
        "2026-03-23",
        "2026-03-25",
        "2026-03-30",
    ]
    assert offered(html, "callback_daypart") == ["morning", "afternoon", "evening"]
    assert "(tussen 9.00 en 12.00 uur)" in html
    assert "(tussen 13.00 en 18.00 uur)" in html
    assert "(tussen 18.00 en 20.00 uur)" in html

    response = send_callback(client, callback_date="2026-03-16", callback_daypart="morning")
    assert error_summary(response) == [
        (
            "id_callback_daypart_0",
            "Op maandag kunnen wij u alleen 's middags of 's avonds bellen. "
            "Kies een ander dagdeel of een andere dag.",
        )
    ]
    response = send_callback(client, callback_date="2026-03-17", callback_daypart="afternoon")
    assert error_summary(response) == [("id_callback_date_0", "Kies een van de dagen hieronder.")]
    assert not CallbackRequest.objects.exists()

    assert (
        send_callback(client, callback_date="2026-03-16", callback_daypart="evening").status_code
        == 302
    )
    assert CallbackRequest.objects.get().callback_daypart == "evening"


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2026-03-14", "a Saturday"),
        ("2026-03-12", "yesterday"),
        ("2026-03-27", "beyond the offered days"),
        ("morgen", "not a date"),
    ],
)
def test_a_day_that_was_not_offered_is_refused(client, on_friday_13_march_2026, day, why):
    response = send_callback(client, callback_date=day)
    assert response.status_code == 200, why
    assert error_summary(response) == [("id_callback_date_0", "Kies een van de dagen hieronder.")]
    assert not CallbackRequest.objects.exists()


def test_a_day_offered_before_midnight_is_still_accepted_after_it(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 16, 23, 59, tzinfo=AMSTERDAM), tick=False)
    data = callback_data(callback_date="2026-03-17")
    time_machine.move_to(datetime.datetime(2026, 3, 17, 0, 1, tzinfo=AMSTERDAM), tick=False)
    response = client.post(CALLBACK_URL, data)
    assert response.status_code == 302


def test_an_evening_call_is_refused_when_no_evening_is_on_offer(client):
    response = send_callback(client, callback_daypart="evening")
    assert error_summary(response) == [
        ("id_callback_daypart_0", "Kies een van de dagdelen hieronder.")
    ]


@pytest.mark.parametrize(
    ("overrides", "anchor", "message"),
    [
        ({"contact_name": ""}, "id_contact_name", "Vul uw naam in."),
        ({"phone": ""}, "id_phone", "Vul uw telefoonnummer in."),
        (
            {"phone": "12"},
            "id_phone",
            "Vul een geldig telefoonnummer in, zoals 06 12345678 of 0493 327506.",
        ),
        (
            {"voicemail_allowed": None},
            "id_voicemail_allowed_0",
            "Kies of wij een bericht mogen inspreken.",
        ),
        ({"callback_date": None}, "id_callback_date_0", "Kies een dag."),
        ({"callback_daypart": None}, "id_callback_daypart_0", "Kies een dagdeel."),
        ({"topic": None}, "id_topic_0", "Kies waarover u wilt praten."),
        (
            {"note": "x" * 501},
            "id_note",
            "Uw tekst is te lang: gebruik niet meer dan 500 tekens (nu 501).",
        ),
        (
            {"email": "geen-adres"},
            "id_email",
            "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        ),
        (
            {"consent": None},
            "id_consent",
            "Geef toestemming door het vakje aan te vinken. Zonder toestemming kunnen wij uw "
            "aanvraag niet behandelen.",
        ),
    ],
)
def test_each_mistake_gets_its_own_message(client, overrides, anchor, message):
    response = send_callback(client, **overrides)
    assert response.status_code == 200
    assert error_summary(response) == [(anchor, message)]
    assert "<title>Fout: Bel mij terug" in response.content.decode()
    assert not CallbackRequest.objects.exists()


def test_everything_typed_is_kept_after_a_mistake(client):
    response = send_callback(client, phone="", note="Graag na twee uur.", email="m@example.org")
    html = response.content.decode()
    assert 'value="Marieke Jansen"' in html
    assert "Graag na twee uur.</textarea>" in html
    assert 'value="m@example.org"' in html
    assert re.search(r'value="morning"[^>]*checked', html)
    assert re.search(r'value="attachment"[^>]*checked', html)


def test_e_mail_and_note_are_optional(client):
    response = send_callback(client, email="", note="")
    assert response.status_code == 302
    assert CallbackRequest.objects.get().email == ""


def test_the_form_marks_optional_fields_and_nothing_else(client):
    html = client.get(CALLBACK_URL).content.decode()
    assert html.count("(optioneel)") == 2
    assert re.search(
        r"Wilt u er iets over vertellen\? <span class=\"optional\">\(optioneel\)", html
    )
    assert re.search(r"E-mailadres <span class=\"optional\">\(optioneel\)", html)
