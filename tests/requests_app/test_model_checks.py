"""The request's one constraint is still checked wherever its fields are edited."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from requests_app.models import AGREED_MOMENT, AssessmentRequest, CallbackRequest, Request
from tests.factories import make_callback_request

pytestmark = pytest.mark.django_db


def test_the_agreed_moment_is_the_only_constraint_validate_constraints_knows_of():
    # Request.validate_constraints skips the moment's constraint for callers that leave
    # the moment out: a new constraint needs its own place in that method.
    for model in (Request, AssessmentRequest, CallbackRequest):
        names = [c.name for _, cs in model().get_constraints() for c in cs]
        assert names == ["request_agreed_moment_whole"], model


def test_half_an_agreed_moment_is_refused_when_the_moment_is_validated():
    request = make_callback_request()
    request.agreed_call_date = datetime.date(2026, 3, 3)
    request.agreed_call_daypart = ""
    with pytest.raises(ValidationError):
        request.full_clean()
    request.full_clean(exclude=list(AGREED_MOMENT))  # the parents' forms: not theirs to set
