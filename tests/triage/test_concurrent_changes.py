"""Two staff members changing one request at the same moment (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection, transaction

from requests_app import services
from requests_app.models import EventType, Request, RequestEvent, Status
from tests.factories import make_assessment_request, make_staff


@pytest.mark.django_db(transaction=True)
def test_a_second_status_change_waits_for_the_first_and_is_checked_against_it(on_postgres):
    request = make_assessment_request()
    first_user, second_user = make_staff(), make_staff()
    first_holds_lock = threading.Event()
    let_first_commit = threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                services.mark_spam(Request.objects.get(pk=request.pk), actor=first_user)
                first_holds_lock.set()
                let_first_commit.wait(5)
        finally:
            connection.close()

    def second():
        try:
            first_holds_lock.wait(5)
            services.change_status(
                Request.objects.get(pk=request.pk), Status.IN_PROGRESS, actor=second_user
            )
            outcome["second"] = "moved"
        except services.TransitionError as exc:
            outcome["second"] = str(exc)
        finally:
            connection.close()

    a, b = threading.Thread(target=first), threading.Thread(target=second)
    a.start()
    b.start()
    first_holds_lock.wait(5)
    b.join(0.5)
    assert b.is_alive(), "the second change must wait for the first one's row lock"
    let_first_commit.set()
    a.join(5)
    b.join(5)

    assert "Een aanvraag met status ‘Spam’ kan niet naar ‘In behandeling’" in outcome["second"]
    assert Request.objects.get(pk=request.pk).status == Status.SPAM
    assert RequestEvent.objects.filter(request=request, type=EventType.STATUS).count() == 1
