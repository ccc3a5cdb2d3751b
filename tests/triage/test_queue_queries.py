"""The queue stays fast with many requests: a fixed number of queries per page."""

import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from requests_app.models import (
    AssessmentRequest,
    CallbackRequest,
    Kind,
    NotifyState,
    Priority,
    Status,
)
from tests.factories import make_staff

QUEUE_QUERY_LIMIT = 12
_numbers = itertools.count()


def make_many(count, staff):
    now = timezone.now()
    statuses = [Status.NEW, Status.IN_PROGRESS, Status.CONTACTED, Status.INTAKE_PLANNED]
    common = {"consent_at": now, "consent_version": "2026-01"}
    assessments, callbacks = [], []
    for _ in range(count):
        n = next(_numbers)
        fields = {
            **common,
            "reference": f"Q-2026-{n:05d}",
            "created_at": now - datetime.timedelta(hours=n * 3),
            "status": statuses[n % len(statuses)],
            "priority": Priority.URGENT if n % 17 == 0 else Priority.NORMAL,
            "assigned_to": staff[n % len(staff)] if n % 3 else None,
            "contact_name": f"Ouder {n}",
            "email": f"ouder{n}@example.org",
            "phone": f"+316{20000000 + n:08d}",
            "notify_state": NotifyState.FAILED if n % 50 == 0 else NotifyState.SENT,
        }
        if n % 2:
            assessments.append(
                AssessmentRequest(
                    kind=Kind.ASSESSMENT,
                    child_first_name="Kind",
                    child_birth_date=datetime.date(2015, 1, 1),
                    child_residence="Helmond",
                    relation="parent",
                    authority="both_parents",
                    worries="Zorgen",
                    **fields,
                )
            )
        else:
            callbacks.append(
                CallbackRequest(
                    kind=Kind.CALLBACK,
                    callback_date=now.date(),
                    callback_daypart="afternoon",
                    topic="attachment",
                    **fields,
                )
            )
    # bulk_create does not work for multi-table inheritance; save one by one.
    for obj in assessments + callbacks:
        obj.save()


def test_the_queue_page_needs_a_bounded_number_of_queries_with_500_requests(
    client, intake, django_assert_max_num_queries, queue_url
):
    staff = [intake] + [make_staff() for _ in range(4)]
    intake_group = Group.objects.get(name="Intake")
    for member in staff:
        member.groups.add(intake_group)
    make_many(500, staff)
    client.force_login(intake)
    client.get(queue_url)  # warm the site facts cache, as in production
    for query in ({}, {"status": "alle"}, {"te_laat": "ja", "spoed": "ja"}, {"q": "06-20000042"}):
        with django_assert_max_num_queries(QUEUE_QUERY_LIMIT) as captured:
            response = client.get(queue_url, query)
        assert response.status_code == 200
        print(query, len(captured.captured_queries), "queries")


def test_the_queue_query_count_does_not_grow_with_the_number_of_requests(client, intake, queue_url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(intake)
    counts = []
    for batch in (5, 55):
        make_many(batch, [intake])
        client.get(queue_url)
        with CaptureQueriesContext(connection) as captured:
            client.get(queue_url, {"status": "alle"})
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
