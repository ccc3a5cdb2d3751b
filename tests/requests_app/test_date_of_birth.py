"""The child's date of birth as day, month and year: GOV.UK-style checks and messages."""

import datetime
import html as htmllib
import re
import zoneinfo

import pytest

from requests_app.models import AssessmentRequest
from tests.factories import confirm_fact
from tests.helpers.forms import assessment_data, post_step, send_assessment

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
REAL_DATE = "De geboortedatum moet een echte datum zijn."


@pytest.fixture(autouse=True)
def today_is_15_march_2026(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 15, 10, 0, tzinfo=AMSTERDAM), tick=False)


def birth(day, month, year):
    return {
        "child_birth_date_dag": day,
        "child_birth_date_maand": month,
        "child_birth_date_jaar": year,
    }


def submit_kind_step(client, day, month, year):
    response = post_step(client, "kind", assessment_data(**birth(day, month, year)), done="gevaar")
    return htmllib.unescape(response.content.decode())


def marked_parts(html):
    """Which of the three inputs are marked invalid."""
    marked = []
    for part in ("dag", "maand", "jaar"):
        tag = re.search(rf'<input[^>]*name="child_birth_date_{part}"[^>]*>', html).group(0)
        if 'aria-invalid="true"' in tag:
            marked.append(part)
    return marked


def error_of(html):
    match = re.search(r'id="id_child_birth_date_error">(.*?)</p>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).removeprefix("Fout: ") if match else None


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "parts"),
    [
        ("29", "2", "2015", REAL_DATE, ["dag"]),
        ("31", "4", "2015", REAL_DATE, ["dag"]),
        ("0", "3", "2015", REAL_DATE, ["dag"]),
        ("3", "13", "2015", REAL_DATE, ["maand"]),
        ("x", "3", "2015", REAL_DATE, ["dag"]),
        ("3", "foo", "2015", REAL_DATE, ["maand"]),
        ("3", "3", "15", "Vul het jaar in met 4 cijfers, bijvoorbeeld 2015.", ["jaar"]),
        ("3", "3", "0000", REAL_DATE, ["jaar"]),
        ("3", "", "2015", "De geboortedatum moet compleet zijn: vul ook de maand in.", ["maand"]),
        (
            "",
            "3",
            "",
            "De geboortedatum moet compleet zijn: vul ook de dag en het jaar in.",
            ["dag", "jaar"],
        ),
        ("", "", "", "Vul de geboortedatum van uw kind in.", ["dag", "maand", "jaar"]),
        (
            "16",
            "3",
            "2026",
            "De geboortedatum moet vandaag of eerder zijn.",
            ["dag", "maand", "jaar"],
        ),
        (
            "1",
            "1",
            "2030",
            "De geboortedatum moet vandaag of eerder zijn.",
            ["dag", "maand", "jaar"],
        ),
    ],
)
def test_a_wrong_date_gets_a_clear_message_and_only_the_wrong_part_is_marked(
    client, day, month, year, message, parts
):
    html = submit_kind_step(client, day, month, year)
    assert error_of(html) == message
    assert marked_parts(html) == parts
    # What was typed stays in the inputs.
    for part, typed in (("dag", day), ("maand", month), ("jaar", year)):
        tag = re.search(rf'<input[^>]*name="child_birth_date_{part}"[^>]*>', html).group(0)
        assert (f'value="{typed}"' in tag) if typed else ("value=" not in tag)


def test_the_summary_links_to_the_first_wrong_part(client):
    html = submit_kind_step(client, "3", "", "2015")
    assert 'href="#id_child_birth_date_1"' in html


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("29", "2", "2016"),
        ("29", "02", "2024"),
        ("15", "3", "2026"),
        ("1", "maart", "2015"),
        ("1", "Mrt.", "2015"),
        (" 7 ", " 10 ", " 2019 "),
    ],
)
def test_real_dates_are_accepted(client, day, month, year):
    html = submit_kind_step(client, day, month, year)
    assert error_of(html) is None
    assert "Over u" in html


def test_without_a_confirmed_age_range_no_age_limit_is_claimed(client):
    # The old, unconfirmed "tot 23 jaar" is gone: a 25-year-old's parent may still ask.
    assert error_of(submit_kind_step(client, "1", "1", "2001")) is None


def test_a_confirmed_age_range_refuses_an_older_child_and_asks_the_parent_to_call(client):
    confirm_fact("assessment_ages", {"min": 0, "max": 23})
    message = error_of(submit_kind_step(client, "15", "3", "2003"))
    assert message.startswith(
        "Wij doen onderzoek bij kinderen en jongeren van 0 tot 23 jaar. Uw kind is 23 jaar."
    )
    assert "Bel ons gerust op 0493 - 327506" in message
    # One day younger: still welcome.
    assert error_of(submit_kind_step(client, "16", "3", "2003")) is None


def test_a_birth_date_that_makes_the_child_implausibly_old_is_queried(client):
    message = error_of(submit_kind_step(client, "1", "1", "1976"))
    assert message.startswith("Klopt het jaar? Met deze geboortedatum is uw kind nu 50 jaar.")


def test_a_leap_day_child_turns_a_year_older_on_1_march(client, time_machine):
    confirm_fact("assessment_ages", {"min": 0, "max": 23})
    time_machine.move_to(datetime.datetime(2027, 2, 28, 12, 0, tzinfo=AMSTERDAM), tick=False)
    assert error_of(submit_kind_step(client, "29", "2", "2004")) is None
    time_machine.move_to(datetime.datetime(2027, 3, 1, 12, 0, tzinfo=AMSTERDAM), tick=False)
    assert error_of(submit_kind_step(client, "29", "2", "2004")).startswith("Wij doen onderzoek")


def test_the_date_is_stored_and_shown_in_words_on_the_review(client):
    response = post_step(
        client,
        "contact",
        assessment_data(**birth("29", "2", "2016")),
        done="gevaar,kind,u,vraag",
    )
    html = response.content.decode()
    assert "29 februari 2016 (10 jaar)" in html
    send_assessment(client, **birth("29", "2", "2016"))
    assert AssessmentRequest.objects.get().child_birth_date == datetime.date(2016, 2, 29)
