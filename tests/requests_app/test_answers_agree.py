"""What a parent checks before sending is what staff read and what the CSV holds.

Every question of the assessment form is filled with every kind of answer it allows
(each choice, several choices, ‘Anders’ with the parent's own words, yes and no, left
empty, free text over several lines). For each, the check page, the staff page and the
CSV export must show the same answer text.
"""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from requests_app.choices import Authority, DayPart, HelpSoFar, Relation, YesNoUnknown
from requests_app.forms.assessment import AssessmentForm
from requests_app.forms.steps import STEPS
from requests_app.models import AssessmentRequest
from requests_app.questions import ASSESSMENT
from tests.factories import make_superuser
from tests.helpers.answers import check_page_answers, staff_page_answers
from tests.helpers.forms import (
    assessment_data,
    birth_date_years_ago,
    date_parts,
    post_step,
    send_assessment,
)

pytestmark = pytest.mark.django_db

TEENAGER = date_parts(birth_date_years_ago(13))


def every_kind_of_answer(signs):
    """Form data sets that together give every question every kind of answer."""
    variants = [
        {"is_urgent": "ja", "voicemail_allowed": "ja", "may_name_organisation": "nee"},
        {"worries": "Regel een.\nRegel twee, met ‘aanhalingstekens’ & <b>tekens</b>."},
        {"recognised_signs": [str(s.pk) for s in signs], "best_moments": DayPart.values},
        {"phone": "", "preferred_channel": "email"},
        {"email": "", "best_moments": []},
        {"help_so_far": [HelpSoFar.GP, HelpSoFar.OTHER], "help_other": "School"},
    ]
    for relation in Relation.values:
        variants.append({"relation": relation, "relation_other": "Oma"})
    for authority in Authority.values:
        informed = YesNoUnknown.NO if authority == Authority.BOTH_PARENTS else YesNoUnknown.NOT_APPLICABLE  # fmt: skip
        variants.append({"authority": authority, "other_parent_informed": informed})
    for answer in (YesNoUnknown.YES, YesNoUnknown.NO):
        variants.append({"child_informed": answer, **TEENAGER})
    for help_so_far in HelpSoFar.values:
        variants.append({"help_so_far": [help_so_far], "help_other": "Kinderarts"})
    for moment in DayPart.values:
        variants.append({"best_moments": [moment], "preferred_channel": "phone"})
    return variants


def anchor_question(anchor: str):
    for q in ASSESSMENT:
        if anchor in (f"id_{q.name}", f"id_{q.name}_0"):
            return q
    raise AssertionError(f"no question for {anchor}")


def staff_label(q):
    return q.staff_label.replace("{organisation}", "Bijzonder Jeugdwerk")


def csv_rows(client):
    response = client.post(reverse("admin:requests_app_request_export") + "?status=alle")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = table[0]
    return {row[0]: dict(zip(header, row, strict=True)) for row in table[1:]}


def test_the_check_page_the_staff_page_and_the_csv_show_the_same_answers(
    client, signs, site_content, settings
):
    settings.REQUEST_RATE_LIMIT = settings.REQUEST_FLOOD_LIMIT = "1000/h"
    staff = make_superuser()
    staff.user_permissions.add(Permission.objects.get(codename="export_request_worries"))
    checked = {}
    for number, overrides in enumerate(every_kind_of_answer(signs)):
        data = assessment_data(contact_name=f"Ouder {number}", **overrides)
        review = post_step(client, "contact", data, done="gevaar,kind,u,vraag")
        answers = check_page_answers(review.content.decode())
        assert answers, f"no check page for {overrides}"
        send_assessment(client, **data)
        checked[AssessmentRequest.objects.latest("pk").reference] = answers

    client.force_login(staff)
    exported = csv_rows(client)
    seen = set()
    for request in AssessmentRequest.objects.all():
        page = client.get(reverse("admin:requests_app_request_change", args=[request.pk]))
        staff_answers = staff_page_answers(page.content.decode())
        for anchor, values in checked[request.reference].items():
            q = anchor_question(anchor)
            seen.add((q.name, tuple(values)))
            assert staff_answers[staff_label(q)] == values, q.name
            if q.csv:
                column = q.csv
                # Line breaks are kept in the CSV; a page shows them as breaks.
                cell = " ".join(exported[request.reference][column].split())
                assert cell == ", ".join(values), q.name
    asked = {q.name for q in ASSESSMENT if q.name not in ("relation_other", "help_other")}
    assert asked == {name for name, _ in seen}, "every question was shown and compared"
    shown = {values for name, values in seen if name == "help_so_far"}
    assert ("Huisarts", "Anders: School") in shown
    assert ("Anders: Kinderarts",) in shown


def test_every_question_is_asked_once_on_its_step_in_the_order_declared():
    asked = [q.name for step in STEPS for q in step.questions]
    assert asked == [q.name for q in ASSESSMENT]
    assert [name for name in AssessmentForm.base_fields if name in asked] == asked
