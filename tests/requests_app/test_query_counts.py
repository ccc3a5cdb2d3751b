"""Each form page costs a small, fixed number of queries, however long the form."""

import pytest

from tests.helpers.forms import (
    ASSESSMENT_URL,
    CALLBACK_URL,
    assessment_data,
    post_step,
    send_assessment,
    send_callback,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warm_site_cache(client, signs):
    client.get(CALLBACK_URL)  # the site facts and menu are cached after the first page


def test_the_form_pages_need_no_query_once_the_site_context_is_cached(
    client, django_assert_num_queries
):
    # The approved signs list comes with the cached site context (facts, menu, signs).
    with django_assert_num_queries(0):
        client.get(ASSESSMENT_URL)
    with django_assert_num_queries(0):
        post_step(client, "kind", assessment_data(), done="gevaar")
    with django_assert_num_queries(0):
        post_step(client, "contact", assessment_data(), done="gevaar,kind,u,vraag")
    with django_assert_num_queries(0):
        client.get(CALLBACK_URL)


def test_storing_and_mailing_a_request_takes_a_fixed_number_of_queries(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for send in (send_assessment, send_callback):
        # Is this ticket stored already; the next number (a statement of its own); the
        # request, its details and its history line (in a savepoint here, as the test
        # runs in a transaction).
        with django_assert_num_queries(7), django_capture_on_commit_callbacks() as mailing:
            response = send(client)
        # The mail: the request, the claim, what went out before, the history, the state.
        with django_assert_num_queries(5):
            for callback in mailing:
                callback()
        with django_assert_num_queries(1):
            client.get(response["Location"])
