"""A queue search is a name, an e-mail address or a phone number: it never travels into
the URLs the queue builds (detail links, the redirect after saving, the export form).
Filters without personal data (status, kind, ...) are kept for the way back."""

import csv
import html
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from requests_app.models import Status
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.triage import change_url

SEARCHES = ["moeder.smit@example.nl", "Fatima", "06-12345678"]


@pytest.fixture
def family(db):
    wanted = make_assessment_request(
        contact_name="Fatima Smit", email="moeder.smit@example.nl", phone="+31612345678"
    )
    make_callback_request(contact_name="Jan Jansen", email="jan@example.nl")
    return wanted


def urls_in(page_html):
    """Every href and form action on the page, unescaped."""
    return [html.unescape(u) for u in re.findall(r'(?:href|action)="([^"]*)"', page_html)]


def assert_no_search_in(url, term):
    assert term.lower() not in url.lower(), url
    for values in parse_qs(urlsplit(url).query).values():
        for value in values:
            assert "q" not in parse_qs(value), url


@pytest.mark.parametrize("term", SEARCHES)
def test_detail_links_from_a_search_keep_the_filters_but_not_the_search(
    intake_client, queue_url, family, term
):
    response = intake_client.get(
        queue_url, {"q": term, "status": "alle", "kind__exact": "assessment"}
    )
    assert [r.pk for r in response.context["cl"].result_list] == [family.pk]
    detail_links = [u for u in urls_in(response.text) if u.startswith(change_url(family))]
    assert detail_links
    for url in detail_links:
        (carried,) = parse_qs(urlsplit(url).query)["_changelist_filters"]
        assert parse_qs(carried) == {"status": ["alle"], "kind__exact": ["assessment"]}
        assert_no_search_in(url, term)


def test_a_detail_page_opened_from_an_old_search_link_does_not_pass_the_search_on(
    intake_client, family
):
    old_link = change_url(family) + "?_changelist_filters=q%3D06-12345678%26status%3Dalle"
    response = intake_client.get(old_link)
    assert response.status_code == 200
    assert response.context["preserved_filters"] == "_changelist_filters=status%3Dalle"
    for url in urls_in(response.text):
        assert "06-12345678" not in url and "q%3D" not in url, url


def test_saving_returns_to_the_queue_with_its_filters_but_without_the_search(
    intake_client, queue_url, family
):
    response = intake_client.post(
        change_url(family) + "?_changelist_filters=q%3DFatima%26status%3Dalle",
        {
            "status": Status.IN_PROGRESS,
            "assigned_to": "",
            "priority": family.priority,
            "new_note": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{queue_url}?status=alle"


def test_a_search_alone_leaves_no_filters_to_carry(intake_client, queue_url, family):
    response = intake_client.get(queue_url, {"q": "Fatima"})
    assert response.context["cl"].preserved_filters == ""
    assert f'href="{change_url(family)}"' in response.text


@pytest.fixture
def exporter(client, intake):
    intake.user_permissions.add(Permission.objects.get(codename="export_request"))
    client.force_login(intake)
    return client


def export_form(page_html):
    return re.search(
        r'<form method="post" action="([^"]*)" class="triage-inline-form">(.*?)</form>',
        page_html,
        re.S,
    ).groups()


def test_the_export_form_sends_the_search_in_the_body_not_the_url(exporter, queue_url, family):
    page = exporter.get(queue_url, {"q": "moeder.smit@example.nl", "status": "alle"})
    action, body = export_form(page.text)
    action = html.unescape(action)
    assert action == reverse("admin:requests_app_request_export") + "?status=alle"
    assert '<input type="hidden" name="q" value="moeder.smit@example.nl">' in body

    response = exporter.post(action, {"q": "moeder.smit@example.nl"})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in table[1:]] == [family.reference]


def test_the_export_form_without_a_search_has_no_search_field(exporter, queue_url, family):
    page = exporter.get(queue_url)
    action, body = export_form(page.text)
    assert html.unescape(action) == reverse("admin:requests_app_request_export") + "?"
    assert 'name="q"' not in body
    table = list(
        csv.reader(
            io.StringIO(exporter.post(html.unescape(action)).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert len(table) == 3  # the header and both open requests
