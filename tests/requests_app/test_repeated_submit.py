"""A double click, back-and-resubmit or a retried POST never makes a second request."""

import threading

import pytest
from django.db import connection
from django.test import Client

from requests_app.models import Request
from tests.helpers.forms import (
    ASSESSMENT_URL,
    assessment_data,
    confirmation_reference,
    send_assessment,
    send_callback,
    ticket,
)


@pytest.mark.django_db
def test_sending_the_same_assessment_twice_stores_it_once(client):
    same = ticket()
    first = send_assessment(client, ticket=same)
    second = send_assessment(client, ticket=same)
    assert Request.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert confirmation_reference(client, first) == confirmation_reference(client, second)


@pytest.mark.django_db
def test_a_resubmit_with_other_answers_still_lands_on_the_first_confirmation(client):
    same = ticket()
    first = send_assessment(client, ticket=same)
    second = send_assessment(client, ticket=same, worries="Toch iets anders.")
    assert Request.objects.count() == 1
    assert confirmation_reference(client, first) == confirmation_reference(client, second)


@pytest.mark.django_db
def test_sending_the_same_callback_twice_stores_it_once(client):
    same = ticket()
    send_callback(client, ticket=same)
    response = send_callback(client, ticket=same)
    assert Request.objects.count() == 1
    assert response.status_code == 302
    assert confirmation_reference(client, response).startswith("TB-")


@pytest.mark.django_db
def test_two_different_forms_are_two_requests(client):
    send_assessment(client)
    send_assessment(client)
    assert Request.objects.count() == 2


@pytest.mark.django_db
def test_a_repeated_submit_does_not_count_against_the_rate_limit(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    same = ticket()
    send_assessment(client, ticket=same)
    assert send_assessment(client, ticket=same).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_double_click_arriving_at_the_same_moment_stores_one_request(on_postgres):
    same = ticket()
    data = {**assessment_data(ticket=same), "stap": "controleren", "actie": "versturen"}
    barrier = threading.Barrier(2)
    statuses = []

    def click():
        try:
            barrier.wait(timeout=10)
            statuses.append(Client().post(ASSESSMENT_URL, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [302, 302]
    assert Request.objects.count() == 1


@pytest.mark.django_db
def test_storing_a_token_twice_returns_the_first_request_and_uses_no_number():
    import uuid

    from requests_app.forms.assessment import AssessmentForm
    from requests_app.models import ReferenceCounter
    from requests_app.submission import store_request

    token = uuid.uuid4()
    stored = []
    for _ in range(2):
        form = AssessmentForm(assessment_data())
        assert form.is_valid(), form.errors
        stored.append(store_request(form, kind="assessment", token=token))
    (first, created), (second, created_again) = stored
    assert (created, created_again) == (True, False)
    assert second.pk == first.pk
    assert ReferenceCounter.objects.get().last_number == 1
