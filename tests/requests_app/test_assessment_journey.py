"""A parent walks through Onderzoek aanvragen: steps, review, change, send."""

import pytest
from django.utils import timezone

from requests_app.models import AssessmentRequest, EventType, Priority, Request
from tests.helpers.forms import (
    ASSESSMENT_URL,
    assessment_data,
    birth_date_years_ago,
    date_parts,
    hidden_values,
    post_step,
    send_assessment,
)

pytestmark = pytest.mark.django_db

STEP_ANSWERS = [
    ("gevaar", {"is_urgent": "nee"}),
    (
        "kind",
        {
            "child_first_name": "Noor",
            **date_parts(birth_date_years_ago(8)),
            "child_residence": "Helmond",
        },
    ),
    (
        "u",
        {
            "contact_name": "Marieke Jansen",
            "relation": "parent",
            "authority": "both_parents",
            "other_parent_informed": "yes",
        },
    ),
    ("vraag", {"worries": "Zij raakt in paniek als ik wegga.", "help_so_far": ["gp"]}),
    (
        "contact",
        {
            "phone": "06 12345678",
            "email": "",
            "preferred_channel": "phone",
            "voicemail_allowed": "nee",
            "may_name_organisation": "ja",
        },
    ),
]


def walk_to_review(client):
    """Answer each step as a browser would: what the page carries, plus the new answers."""
    page = client.get(ASSESSMENT_URL)
    for step, answers in STEP_ANSWERS:
        carried = hidden_values(page)
        assert carried["stap"] == [step]
        data = {k: v if len(v) > 1 else v[0] for k, v in carried.items() if k != "stap"}
        data.pop("actie", None)
        data.update(answers)
        data.update({"stap": step, "actie": "verder"})
        page = client.post(ASSESSMENT_URL, data)
        assert page.status_code == 200
    return page


def test_the_form_opens_with_the_question_about_danger(client):
    response = client.get(ASSESSMENT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Is er nu direct gevaar voor uw kind of voor iemand anders?" in html
    assert 'href="tel:112"' in html
    assert "0800-2000" in html
    assert "stap 1 van 5" in html


def test_each_step_leads_to_the_next_and_then_to_the_review(client):
    review = walk_to_review(client)
    html = review.content.decode()
    assert "<h1>Controleer uw gegevens</h1>" in html
    for text in [
        "Noor",
        "Helmond",
        "Marieke Jansen",
        "Zij raakt in paniek als ik wegga.",
        "06 12345678",
    ]:
        assert text in html


def test_the_review_offers_a_change_button_for_every_answer(client):
    html = walk_to_review(client).content.decode()
    assert html.count('name="actie" value="wijzig:kind"') == 3
    assert html.count('name="actie" value="wijzig:contact"') == 6
    assert 'formaction="/onderzoek-aanvragen/#id_child_first_name"' in html
    assert 'formaction="/onderzoek-aanvragen/#id_child_birth_date_0"' in html
    assert 'formaction="/onderzoek-aanvragen/#id_relation_0"' in html
    assert 'Wijzig<span class="visually-hidden"> voornaam van uw kind</span>' in html


def test_change_goes_back_to_that_step_with_everything_kept(client):
    review = walk_to_review(client)
    data = {k: v if len(v) > 1 else v[0] for k, v in hidden_values(review).items()}
    data["actie"] = "wijzig:kind"
    step = client.post(ASSESSMENT_URL, data)
    html = step.content.decode()
    assert "Over uw kind" in html
    assert 'value="Noor"' in html
    assert 'value="Helmond"' in html
    # The answers of the other steps travel along, unseen.
    carried = hidden_values(step)
    assert carried["worries"] == ["Zij raakt in paniek als ik wegga."]
    assert carried["phone"] == ["06 12345678"]

    data = {k: v if len(v) > 1 else v[0] for k, v in carried.items()}
    data.update({"child_first_name": "Noortje", "child_residence": "Helmond", "actie": "verder"})
    data.update(date_parts(birth_date_years_ago(8)))
    back = client.post(ASSESSMENT_URL, data)
    html = back.content.decode()
    assert "<h1>Controleer uw gegevens</h1>" in html
    assert "Noortje" in html
    assert "Zij raakt in paniek als ik wegga." in html


def test_previous_step_keeps_what_was_typed_on_the_current_step(client):
    data = assessment_data(child_first_name="Sem", child_residence="Deurne")
    response = post_step(client, "kind", data, action="terug", done="gevaar")
    html = response.content.decode()
    assert "Eerst een belangrijke vraag" in html
    assert hidden_values(response)["child_first_name"] == ["Sem"]
    assert hidden_values(response)["child_residence"] == ["Deurne"]


def test_a_step_with_an_error_stays_and_keeps_what_was_typed(client):
    data = assessment_data(child_first_name="Sem", child_residence="")
    response = post_step(client, "kind", data, done="gevaar")
    html = response.content.decode()
    assert "Vul de woonplaats van uw kind in." in html
    assert 'value="Sem"' in html
    assert hidden_values(response)["stap"] == ["kind"]


def test_danger_reported_shows_what_to_do_on_every_following_page(client):
    response = post_step(
        client, "gevaar", {"is_urgent": "ja", "ticket": assessment_data()["ticket"]}
    )
    html = response.content.decode()
    assert "U gaf aan dat er nu direct gevaar is" in html
    assert 'href="tel:112"' in html
    assert "Over uw kind" in html


def test_a_complete_request_is_stored_with_its_reference_and_history(client):
    response = send_assessment(client)
    assert response.status_code == 302
    req = AssessmentRequest.objects.get()
    year = timezone.localdate().year
    assert req.reference == f"OZ-{year}-00001"
    assert req.kind == "assessment"
    assert req.child_first_name == "Noor"
    assert req.contact_name == "Marieke Jansen"
    assert req.phone == "+31612345678"
    assert req.email == "marieke@example.org"
    assert req.help_so_far == ["gp"]
    assert req.best_moments == ["morning"]
    assert req.voicemail_allowed is False
    assert req.may_name_organisation is True
    assert req.is_urgent is False
    assert req.priority == Priority.NORMAL
    assert req.is_suspected_spam is False
    assert req.child_informed == "not_applicable"
    assert list(req.events.values_list("type", flat=True)) == [EventType.CREATED]


def test_the_redirect_after_sending_carries_no_personal_data(client):
    response = send_assessment(client)
    location = response["Location"]
    assert location.startswith("/onderzoek-aanvragen/ontvangen/")
    for personal in ["Noor", "Marieke", "Jansen", "0612345678", "marieke", "Helmond"]:
        assert personal.lower() not in location.lower()


def test_an_urgent_request_goes_to_the_top_of_the_queue(client):
    send_assessment(client, is_urgent="ja")
    req = Request.objects.get()
    assert req.is_urgent is True
    assert req.priority == Priority.URGENT


def test_recognised_signs_are_stored_as_the_texts_the_parent_saw(client, signs):
    send_assessment(client, recognised_signs=[str(signs[1].pk)])
    signs[1].text = "Anders geformuleerd"
    signs[1].save()
    assert AssessmentRequest.objects.get().recognised_signs == ["Laat zich moeilijk troosten"]


def test_the_signs_from_the_content_app_are_offered_as_checkboxes(client, signs):
    data = assessment_data()
    response = post_step(client, "vraag", {**data, "worries": ""}, done="gevaar,kind,u")
    html = response.content.decode()
    for sign in signs:
        assert f'value="{sign.pk}"' in html
        assert sign.text in html


def test_a_child_of_13_is_asked_whether_it_knows_and_agrees(client):
    data = assessment_data(**date_parts(birth_date_years_ago(13)))
    response = post_step(client, "kind", data, done="gevaar")
    assert "Weet uw kind van deze aanvraag" in response.content.decode()


def test_a_child_of_8_is_not_asked_for_its_own_consent(client):
    data = assessment_data(**date_parts(birth_date_years_ago(8)))
    response = post_step(client, "kind", data, done="gevaar")
    html = response.content.decode()
    assert "Over u" in html
    assert "Weet uw kind van deze aanvraag" not in html


def test_for_a_child_of_17_the_form_says_the_young_person_decides(client):
    data = assessment_data(**date_parts(birth_date_years_ago(17)))
    response = post_step(client, "kind", data, done="gevaar")
    html = response.content.decode()
    assert "Vanaf 16 jaar beslist uw kind zelf" in html
    assert "Weet uw kind van deze aanvraag" not in html


def test_a_new_birth_date_that_makes_the_child_12_asks_the_new_question_before_review(client):
    data = assessment_data(**date_parts(birth_date_years_ago(13)))
    data.pop("consent")
    response = post_step(client, "kind", data, done="gevaar,kind,u,vraag,contact")
    html = response.content.decode()
    assert "Weet uw kind van deze aanvraag" in html
    assert hidden_values(response)["stap"] == ["u"]
    # Shown as a new question, not as an error.
    assert "Er is iets niet goed ingevuld" not in html


def test_a_teenagers_answer_is_stored(client):
    send_assessment(client, child_informed="yes", **date_parts(birth_date_years_ago(14)))
    assert AssessmentRequest.objects.get().child_informed == "yes"


def test_other_relation_and_other_help_are_stored_with_their_explanation(client):
    send_assessment(
        client,
        relation="other",
        relation_other="Oma",
        help_so_far=["municipality", "other"],
        help_other="School",
    )
    req = AssessmentRequest.objects.get()
    assert (req.relation, req.relation_other) == ("other", "Oma")
    assert (req.help_so_far, req.help_other) == (["municipality", "other"], "School")


def test_an_explanation_for_an_answer_not_chosen_is_not_stored(client):
    send_assessment(client, relation="parent", relation_other="Oma", help_other="School")
    req = AssessmentRequest.objects.get()
    assert req.relation_other == ""
    assert req.help_other == ""
