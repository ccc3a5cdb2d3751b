"""The admin index opens with counts for staff who may see requests."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from requests_app.models import NotifyState, Priority, Status
from tests.factories import make_assessment_request, make_callback_request, make_staff
from tests.helpers.triage import linked_tiles

NOW = datetime.datetime(2026, 12, 9, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


def tiles(response):
    found = re.findall(
        r'<span class="triage-count">(\d+)</span> <span class="triage-tile-label">([^<]+)</span>',
        response.text,
    )
    return {label: int(count) for count, label in found}


@pytest.fixture(autouse=True)
def _frozen_clock():
    # Before the login fixtures: a session made in another "now" would have expired.
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_dashboard_counts_what_needs_attention(intake_client, intake):
    make_assessment_request()  # new
    make_assessment_request(is_urgent=True)  # new, urgent
    make_callback_request(status=Status.IN_PROGRESS, priority=Priority.URGENT, assigned_to=intake)
    make_callback_request(created_at=NOW - datetime.timedelta(days=10))  # new, overdue
    make_callback_request(
        status=Status.CONTACTED, assigned_to=intake, notify_state=NotifyState.FAILED
    )
    make_callback_request(status=Status.DONE, closed_at=timezone.now(), assigned_to=intake)
    make_assessment_request(assigned_to=make_staff())
    make_assessment_request(is_suspected_spam=True)  # not counted as new
    response = intake_client.get(reverse("admin:index"))
    assert tiles(response) == {
        "Nieuw": 4,
        "Spoed": 2,
        "Over de termijn": 1,
        # The callbacks chose today (the factory's default), but one was reached already;
        # the assessments asked for a call by phone.
        "Vandaag te bellen": 5,
        "Te laat gebeld": 0,
        "Niet bereikt": 0,
        "Aan mij toegewezen": 2,
        "E-mailmelding mislukt": 1,
        "Vermoedelijk spam": 1,
    }


def test_each_count_links_to_the_matching_queue(intake_client):
    make_assessment_request(is_urgent=True)
    response = intake_client.get(reverse("admin:index"))
    queue = reverse("admin:requests_app_request_changelist")
    for query in (
        "status=new",
        "spoed=ja",
        "te_laat=ja",
        "bellen=vandaag",
        "bellen=te_laat",
        "status=unreached",
        "toegewezen=mij",
        "spam=ja",
    ):
        assert f'href="{queue}?{query}"' in response.text
    linked = intake_client.get(f"{queue}?spoed=ja")
    assert linked.status_code == 200


def test_the_counts_take_a_single_query(intake_client, django_assert_max_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = intake_client.get(reverse("admin:index")).wsgi_request.user
    template = Template("{% load triage_tags %}{% triage_dashboard %}")
    template.render(Context({"request": request}))  # warm the site facts cache
    with django_assert_max_num_queries(2):  # the counts, and the user's permissions
        template.render(Context({"request": request}))


def test_staff_without_request_permission_see_no_dashboard(client, editor):
    make_assessment_request(is_urgent=True)
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    assert "triage-count" not in response.text


def test_every_count_matches_the_list_its_link_opens(intake_client, intake):
    other = make_staff()
    long_ago = NOW - datetime.timedelta(days=10)
    failed = NotifyState.FAILED
    # What the queue shows by default, and the suspected spam it hides unless asked.
    for spam in (False, True):
        make_assessment_request(is_suspected_spam=spam)
        make_assessment_request(is_suspected_spam=spam, is_urgent=True, assigned_to=intake)
        make_callback_request(is_suspected_spam=spam, created_at=long_ago, assigned_to=other)
        make_callback_request(
            is_suspected_spam=spam,
            status=Status.IN_PROGRESS,
            assigned_to=intake,
            notify_state=failed,
        )
        make_callback_request(
            is_suspected_spam=spam,
            status=Status.DONE,
            closed_at=timezone.now(),
            assigned_to=intake,
            notify_state=failed,
        )
    make_callback_request(
        status=Status.SPAM, is_suspected_spam=True, closed_at=timezone.now(), notify_state=failed
    )
    response = intake_client.get(reverse("admin:index"))
    shown = linked_tiles(response)
    assert [label for label, _, _ in shown] == [
        "Nieuw",
        "Spoed",
        "Over de termijn",
        "Vandaag te bellen",
        "Te laat gebeld",
        "Niet bereikt",
        "Aan mij toegewezen",
        "E-mailmelding mislukt",
        "Vermoedelijk spam",
    ]
    for label, count, url in shown:
        listed = intake_client.get(url)
        assert listed.status_code == 200, label
        assert listed.context["cl"].result_count == count, label
    assert {label: count for label, count, _ in shown} == {
        "Nieuw": 3,
        "Spoed": 1,
        "Over de termijn": 1,
        "Vandaag te bellen": 4,
        "Te laat gebeld": 0,
        "Niet bereikt": 0,
        "Aan mij toegewezen": 2,
        "E-mailmelding mislukt": 2,
        "Vermoedelijk spam": 4,
    }
