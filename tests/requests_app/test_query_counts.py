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
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # The number is taken in a transaction of its own (two savepoint statements here).
    with django_assert_max_num_queries(18), django_capture_on_commit_callbacks(execute=True):
        response = send_assessment(client)
    with django_assert_max_num_queries(1):
        client.get(response["Location"])
    with django_assert_max_num_queries(18), django_capture_on_commit_callbacks(execute=True):
        send_callback(client)
