"""The submission's two lookups in plain SQL read exactly what the ORM would, on SQLite
and PostgreSQL alike (types included: a flag is a bool, the spam reasons a list)."""

import uuid

import pytest

from requests_app.lookups import for_confirmation, stored_with
from requests_app.models import AssessmentRequest, CallbackRequest, Request
from tests.factories import make_assessment_request, make_callback_request

pytestmark = pytest.mark.django_db

STORED = ["pk", "kind", "reference", "is_suspected_spam", "spam_reasons"]


def values(obj, names):
    return {name: getattr(obj, name) for name in names}


@pytest.mark.parametrize("spam_reasons", [[], ["rate_limited", "too_fast"]])
def test_the_request_stored_with_a_ticket_is_read_as_the_orm_reads_it(spam_reasons):
    token = uuid.uuid4()
    made = make_callback_request(
        submission_token=token, is_suspected_spam=bool(spam_reasons), spam_reasons=spam_reasons
    )
    found = stored_with(token)
    assert values(found, STORED) == values(Request.objects.get(pk=made.pk), STORED)
    assert type(found.is_suspected_spam) is bool
    assert found.spam_reasons == spam_reasons
    assert stored_with(uuid.uuid4()) is None


@pytest.mark.parametrize("may_name", [True, False])
def test_a_confirmation_reads_the_assessment_as_the_orm_reads_it(may_name):
    made = make_assessment_request(email="ouder@example.org", may_name_organisation=may_name)
    found = for_confirmation(made.pk, "assessment")
    wanted = ["pk", "kind", "reference", "email", "may_name_organisation"]
    assert isinstance(found, AssessmentRequest)
    assert values(found, wanted) == values(AssessmentRequest.objects.get(pk=made.pk), wanted)
    assert found.may_name_organisation is may_name


def test_a_confirmation_finds_only_a_request_of_its_own_kind():
    callback = make_callback_request(email="")
    found = for_confirmation(callback.pk, "callback")
    assert isinstance(found, CallbackRequest)
    assert (found.pk, found.reference, found.email) == (callback.pk, callback.reference, "")
    assert for_confirmation(callback.pk, "assessment") is None
    assert for_confirmation(callback.pk + 1000, "callback") is None
