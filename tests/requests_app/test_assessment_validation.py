"""Every message the assessment form can give: beside the field and in the summary."""

import html as htmllib
import re

import pytest

from requests_app.models import Request
from tests.helpers.forms import (
    assessment_data,
    birth_date_years_ago,
    date_parts,
    post_step,
    send_assessment,
)

pytestmark = pytest.mark.django_db

CASES = [
    ("gevaar", {"is_urgent": None}, "is_urgent_0", "Kies ‘Ja’ of ‘Nee’: is er nu direct gevaar?"),
    ("kind", {"child_first_name": ""}, "child_first_name", "Vul de voornaam van uw kind in."),
    (
        "kind",
        {"child_first_name": "N" * 81},
        "child_first_name",
        "De voornaam is te lang: gebruik niet meer dan 80 tekens (nu 81).",
    ),
    ("kind", {"child_residence": " "}, "child_residence", "Vul de woonplaats van uw kind in."),
    (
        "kind",
        {"child_residence": "H" * 200},
        "child_residence",
        "De woonplaats is te lang: gebruik niet meer dan 80 tekens (nu 200).",
    ),
    ("u", {"contact_name": ""}, "contact_name", "Vul uw naam in."),
    ("u", {"relation": None}, "relation_0", "Kies wat u van het kind bent."),
    (
        "u",
        {"relation": "tante"},
        "relation_0",
        "Kies wat u van het kind bent.",
    ),
    (
        "u",
        {"relation": "other", "relation_other": ""},
        "relation_other",
        "Vul in wat u van het kind bent.",
    ),
    (
        "u",
        {"authority": None},
        "authority_0",
        "Kies wie het gezag heeft. Weet u het niet? Kies dan ‘Weet ik niet’.",
    ),
    (
        "u",
        {"other_parent_informed": None},
        "other_parent_informed_0",
        "Kies of de andere ouder met gezag van deze aanvraag weet.",
    ),
    (
        "u",
        {"authority": "both_parents", "other_parent_informed": "not_applicable"},
        "other_parent_informed_0",
        "U koos dat beide ouders samen het gezag hebben. Kies dan of de andere ouder van "
        "deze aanvraag weet: ‘Ja’ of ‘Nee’.",
    ),
    (
        "u",
        {"child_informed": None, **date_parts(birth_date_years_ago(13))},
        "child_informed_0",
        "Kies of uw kind van deze aanvraag weet en het goedvindt.",
    ),
    ("vraag", {"worries": "   "}, "worries", "Schrijf op waarover u zich zorgen maakt."),
    (
        "vraag",
        {"worries": "x" * 3001},
        "worries",
        "Uw tekst is te lang: gebruik niet meer dan 3000 tekens (nu 3001).",
    ),
    (
        "vraag",
        {"help_so_far": None},
        "help_so_far_0",
        "Kies welke hulp er al is geweest. Was er nog geen hulp? Kies dan ‘Nog geen hulp’.",
    ),
    (
        "vraag",
        {"help_so_far": ["none", "gp"]},
        "help_so_far_0",
        "U koos ‘Nog geen hulp’ en ook een soort hulp. Kies een van beide.",
    ),
    (
        "vraag",
        {"help_so_far": ["other"], "help_other": ""},
        "help_other",
        "Vul in welke andere hulp er is geweest.",
    ),
    (
        "contact",
        {"phone": "12345"},
        "phone",
        "Vul een geldig telefoonnummer in, zoals 06 12345678 of 0493 327506.",
    ),
    (
        "contact",
        {"email": "marieke@"},
        "email",
        "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    ),
    (
        "contact",
        {"phone": "", "email": ""},
        "phone",
        "Vul een telefoonnummer of een e-mailadres in, of allebei.",
    ),
    (
        "contact",
        {"preferred_channel": None},
        "preferred_channel_0",
        "Kies hoe wij contact met u opnemen: telefoon of e-mail.",
    ),
    (
        "contact",
        {"phone": "", "preferred_channel": "phone"},
        "preferred_channel_0",
        "U koos telefoon, maar vulde geen telefoonnummer in. Vul uw nummer in, of kies e-mail.",
    ),
    (
        "contact",
        {"email": "", "preferred_channel": "email"},
        "preferred_channel_0",
        "U koos e-mail, maar vulde geen e-mailadres in. Vul uw e-mailadres in, of kies telefoon.",
    ),
    (
        "contact",
        {"voicemail_allowed": None},
        "voicemail_allowed_0",
        "Kies of wij een bericht mogen inspreken.",
    ),
    (
        "contact",
        {"may_name_organisation": None},
        "may_name_organisation_0",
        "Kies of wij mogen zeggen dat wij van Bijzonder Jeugdwerk zijn.",
    ),
    (
        "kind",
        {"child_first_name": "No\x07or"},
        "child_first_name",
        "Hier staat een teken dat wij niet kunnen lezen. Haal het weg of typ de tekst opnieuw.",
    ),
]


def field_error(html, field):
    """The error text shown in the field's own group (linked by aria-describedby)."""
    match = re.search(rf'<p class="error-message" id="id_{field}_error">(.*?)</p>', html, re.S)
    assert match, f"no error beside {field}"
    text = re.sub(r"<[^>]+>", "", match.group(1))
    return htmllib.unescape(text).removeprefix("Fout: ")


@pytest.mark.parametrize(("step", "overrides", "anchor", "message"), CASES)
def test_the_message_appears_beside_the_field_and_in_the_summary(
    client, step, overrides, anchor, message
):
    response = post_step(client, step, assessment_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    summary = re.search(r'<div class="error-summary".*?</div>\s*</div>', html, re.S).group(0)
    links = re.findall(r'<li><a href="#([^"]+)">(.*?)</a></li>', summary)
    assert [(a, htmllib.unescape(m)) for a, m in links] == [(f"id_{anchor}", message)]
    field = anchor.removesuffix("_0")
    assert field_error(html, field) == message
    assert html.count("<title>Fout: ") == 1
    assert not Request.objects.exists()


def test_sending_without_consent_returns_to_the_review_with_the_message(client):
    response = send_assessment(client, consent=None)
    html = htmllib.unescape(response.content.decode())
    assert response.status_code == 200
    assert "<h1>Controleer uw gegevens</h1>" in html
    message = (
        "Geef toestemming door het vakje aan te vinken. Zonder toestemming kunnen wij uw "
        "aanvraag niet behandelen."
    )
    assert html.count(message) == 2
    assert 'href="#id_consent"' in html
    assert not Request.objects.exists()


def test_sending_with_a_broken_answer_returns_to_its_step_with_the_message(client):
    response = send_assessment(client, child_residence="")
    html = response.content.decode()
    assert "Over uw kind" in html
    assert "Vul de woonplaats van uw kind in." in html
    assert not Request.objects.exists()


def test_only_the_errors_of_the_current_step_are_shown(client):
    # Step "kind" is posted while later steps are still empty: no talk of phone numbers.
    data = {"ticket": assessment_data()["ticket"], "is_urgent": "nee", "child_first_name": ""}
    html = post_step(client, "kind", data, done="gevaar").content.decode()
    assert "Vul de voornaam van uw kind in." in html
    assert "telefoonnummer" not in html.split("<form")[0]
    assert "Vul uw naam in." not in html
