"""The first page of each form is rendered once per content version and day; each visitor
still gets a CSRF token and a form ticket of their own, and the page follows the content."""

import re

import pytest
from django.test import Client

from requests_app.spam import read_ticket
from tests.factories import confirm_fact, make_superuser
from tests.helpers.forms import ASSESSMENT_URL, CALLBACK_URL

pytestmark = pytest.mark.django_db

TICKET = re.compile(r'name="ticket" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def visit(url):
    """A new visitor: (html, ticket, csrf token in the page, csrf cookie)."""
    client = Client()
    response = client.get(url)
    html = response.content.decode()
    return client, response, TICKET.search(html).group(1), CSRF.search(html).group(1)


@pytest.mark.parametrize("url", [ASSESSMENT_URL, CALLBACK_URL])
def test_two_visitors_never_share_a_csrf_token_or_a_ticket(db, url):
    _, first, first_ticket, first_csrf = visit(url)
    _, second, second_ticket, second_csrf = visit(url)
    assert first.templates and not second.templates  # the second was not rendered again
    assert first_ticket != second_ticket
    assert read_ticket(first_ticket).token != read_ticket(second_ticket).token
    assert first_csrf != second_csrf
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # Apart from those two values, both got the same page.
    strip = lambda r: CSRF.sub("", TICKET.sub("", r.content.decode()))  # noqa: E731
    assert strip(first) == strip(second)
    assert "no-store" in second["Cache-Control"]


def test_a_visitor_of_the_cached_page_can_send_the_form(db):
    client, response, ticket, csrf = visit(CALLBACK_URL)
    client.cookies["csrftoken"] = response.cookies["csrftoken"].value
    client.handler.enforce_csrf_checks = True
    days = re.findall(r'name="callback_date" value="([^"]+)"', response.content.decode())
    answer = client.post(
        CALLBACK_URL,
        {
            "csrfmiddlewaretoken": csrf,
            "ticket": ticket,
            "contact_name": "Marieke Jansen",
            "phone": "06 12345678",
            "voicemail_allowed": "ja",
            "callback_date": days[0],
            "callback_daypart": "morning",
            "topic": "attachment",
            "consent": "on",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]


def test_a_returning_visitor_keeps_their_csrf_secret_under_a_fresh_mask(db):
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token

    client, first, _, first_csrf = visit(CALLBACK_URL)
    secret = first.cookies["csrftoken"].value
    tokens = [first_csrf]
    for _ in range(40):
        page = client.get(CALLBACK_URL)
        tokens.append(CSRF.search(page.content.decode()).group(1))
        assert client.cookies["csrftoken"].value == secret  # the same secret, renewed
    assert all(_unmask_cipher_token(token) == secret for token in tokens)
    assert len(set(tokens)) == len(tokens)  # masked afresh on every page
    # Drawn from the whole alphabet Django uses, and nothing else.
    assert set("".join(tokens)) == set(CSRF_ALLOWED_CHARS)


def test_the_cached_page_follows_the_content(db):
    assert "(tussen 9.00 en 12.00 uur)" not in visit(CALLBACK_URL)[1].content.decode()
    confirm_fact("opening_hours", {str(d): ["09:00", "17:00"] for d in range(1, 6)})
    assert "(tussen 9.00 en 12.00 uur)" in visit(CALLBACK_URL)[1].content.decode()


def test_staff_get_a_fresh_page(client, db):
    Client().get(ASSESSMENT_URL)  # cached now
    client.force_login(make_superuser())
    assert client.get(ASSESSMENT_URL).templates
