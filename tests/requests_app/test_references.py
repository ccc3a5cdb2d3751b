"""Reference numbers: readable, per kind and year, and never shared, even under load."""

import datetime
import re
import threading
import zoneinfo

import pytest
from django.db import connection, transaction
from django.test import Client

from requests_app.models import ReferenceCounter, Request
from requests_app.submission import next_reference
from tests.helpers.forms import ASSESSMENT_URL, assessment_data, send_assessment, send_callback

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_references_count_up_per_kind(client):
    for _ in range(2):
        send_assessment(client)
    send_callback(client)
    year = datetime.date.today().year
    assert sorted(Request.objects.values_list("reference", flat=True)) == [
        f"OZ-{year}-00001",
        f"OZ-{year}-00002",
        f"TB-{year}-00001",
    ]


@pytest.mark.django_db
def test_a_new_year_starts_at_one_again(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 31, 23, 30, tzinfo=AMSTERDAM), tick=False)
    with transaction.atomic():
        assert next_reference("assessment") == "OZ-2026-00001"
        assert next_reference("assessment") == "OZ-2026-00002"
    # Half past midnight in Amsterdam is still 2026 in UTC: the local year counts.
    time_machine.move_to(datetime.datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM), tick=False)
    with transaction.atomic():
        assert next_reference("assessment") == "OZ-2027-00001"
    assert ReferenceCounter.objects.get(prefix="OZ", year=2026).last_number == 2


@pytest.mark.django_db
def test_the_number_has_five_digits_and_grows_beyond_them():
    ReferenceCounter.objects.create(prefix="TB", year=2026, last_number=99998)
    with transaction.atomic():
        assert next_reference("callback", today=datetime.date(2026, 5, 1)) == "TB-2026-99999"
        assert next_reference("callback", today=datetime.date(2026, 5, 1)) == "TB-2026-100000"


@pytest.mark.django_db(transaction=True)
def test_twenty_parents_sending_at_once_get_twenty_different_references(on_postgres):
    """Real concurrent transactions on PostgreSQL: the counter row lock keeps them apart."""
    count = 20
    barrier = threading.Barrier(count)
    results, errors = [], []

    def parent_sends(i):
        try:
            client = Client(REMOTE_ADDR=f"10.0.0.{i + 1}")
            data = {**assessment_data(), "stap": "controleren", "actie": "versturen"}
            barrier.wait(timeout=10)
            response = client.post(ASSESSMENT_URL, data)
            results.append(response.status_code)
        except Exception as exc:  # surfaced in the assertion below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=parent_sends, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert results == [302] * count
    references = list(Request.objects.values_list("reference", flat=True))
    assert len(references) == count
    assert len(set(references)) == count
    year = datetime.date.today().year
    assert sorted(int(re.search(r"\d{5}$", r).group(0)) for r in references) == list(
        range(1, count + 1)
    )
    assert all(r.startswith(f"OZ-{year}-") for r in references)
