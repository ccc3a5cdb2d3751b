"""The confirmation page: the reference and what happens next; nothing personal; not guessable."""

import datetime

import pytest
from django.core import signing
from django.utils import timezone

from requests_app.models import Request
from tests.factories import confirm_fact
from tests.helpers.forms import ASSESSMENT_URL, CALLBACK_URL, send_assessment, send_callback

pytestmark = pytest.mark.django_db


def test_the_confirmation_shows_the_reference_next_steps_phone_and_how_to_prepare(client):
    response = send_assessment(client)
    page = client.get(response["Location"])
    html = page.content.decode()
    req = Request.objects.get()
    assert page.status_code == 200
    assert "<h1>Aanvraag ontvangen</h1>" in html
    assert f'<strong class="confirmation-panel__reference">{req.reference}</strong>' in html
    assert "Wat gebeurt er nu?" in html
    assert "Wij nemen contact met u op, op de manier die u koos." in html
    assert "werkdag" not in html  # no response time nobody confirmed
    assert "aanmeldteam" not in html
    assert 'href="tel:+31493327506"' in html
    assert "Zo bereidt u zich voor" in html
    assert "data-print-action" in html  # the print button, shown by JavaScript only


def test_the_promised_response_time_and_team_show_once_confirmed(client):
    confirm_fact("response_days", 1)
    confirm_fact("intake_team", "het aanmeldteam")
    html = client.get(send_assessment(client)["Location"]).content.decode()
    assert "Binnen 1 werkdag nemen wij contact met u op" in html
    assert "Een medewerker van het aanmeldteam leest uw aanvraag." in html


PERSONAL = {
    "child_first_name": "Fleurtje",
    "contact_name": "Wilhelmina Bakkerszoon",
    "child_residence": "Milheeze",  # also one of our locations, listed in every footer
    "worries": "Bijt andere kinderen.",
    "phone": "06 87654321",
    "email": "wilhelmina@example.org",
    "relation": "foster_parent",
}
OTHER_FAMILY = {
    "child_first_name": "Daan",
    "contact_name": "Kees de Vries",
    "child_residence": "Lierop",
    "worries": "Wil niet naar school.",
    "phone": "06 11223344",
    "email": "kees@example.org",
    "relation": "parent",
}


def test_the_confirmation_shows_nothing_the_parent_typed(client, site_content):
    response = send_assessment(client, **PERSONAL)
    confirm_fact("locations", ["Helmond", "Milheeze"])
    html = client.get(response["Location"]).content.decode()
    assert '<h2 id="footer-locations"' in html  # the footer names the confirmed places
    for personal in [
        "Fleurtje",
        "Wilhelmina",
        "Bakkerszoon",
        "Bijt",
        "87654321",
        "wilhelmina@",
        "Pleegouder",
        "foster_parent",
    ]:
        assert personal not in html
    # The residence is a place we work, so the footer names it; nowhere else may.
    main = html.split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]
    assert "Milheeze" not in main


def test_two_families_see_the_same_confirmation_apart_from_the_reference(client, site_content):
    pages = []
    for answers in (PERSONAL, OTHER_FAMILY):
        response = send_assessment(client, **answers)
        reference = Request.objects.latest("pk").reference
        html = client.get(response["Location"]).content.decode()
        assert html.count(reference) == 2
        pages.append(html.replace(reference, "OZ-JJJJ-NNNNN"))
    assert pages[0] == pages[1]


MAIL_FOLLOWS = "U krijgt ook een bevestiging per e-mail."
NO_MAIL_FOR_SAFETY = (
    "U koos dat wij niet mogen zeggen dat wij van Bijzonder Jeugdwerk zijn. "
    "Daarom sturen wij u geen e-mail. Het nummer van uw aanvraag staat alleen op deze pagina."
)


def test_a_parent_with_an_e_mail_address_is_told_a_confirmation_follows(client):
    html = client.get(send_assessment(client)["Location"]).content.decode()
    assert MAIL_FOLLOWS in html
    assert NO_MAIL_FOR_SAFETY not in html


def test_a_parent_who_may_not_be_named_is_told_no_mail_will_come_and_to_keep_the_number_safe(
    client,
):
    response = send_assessment(client, may_name_organisation="nee")
    html = client.get(response["Location"]).content.decode()
    assert NO_MAIL_FOR_SAFETY in html
    assert MAIL_FOLLOWS not in html
    assert "bewaar het op een plek die alleen u ziet" in html
    assert "maak een foto van dit scherm" not in html


def test_without_an_e_mail_address_the_confirmation_says_nothing_about_mail(client):
    response = send_assessment(client, email="", may_name_organisation="nee")
    html = client.get(response["Location"]).content.decode()
    assert MAIL_FOLLOWS not in html
    assert NO_MAIL_FOR_SAFETY not in html


@pytest.mark.parametrize(("email", "promised"), [("ouder@example.org", True), ("", False)])
def test_the_callback_confirmation_promises_a_mail_only_to_whom_gets_one(client, email, promised):
    html = client.get(send_callback(client, email=email)["Location"]).content.decode()
    assert (MAIL_FOLLOWS in html) is promised


def test_the_callback_confirmation_has_its_own_text(client):
    response = send_callback(client, contact_name="Wilhelmina Bakkerszoon", phone="06 87654321")
    html = client.get(response["Location"]).content.decode()
    req = Request.objects.get()
    assert "<h1>Terugbelverzoek ontvangen</h1>" in html
    assert req.reference in html
    assert "Wij bellen u op de dag en het dagdeel dat u koos." in html
    assert "Wilhelmina" not in html
    assert "87654321" not in html


def test_form_pages_and_confirmations_are_never_cached(client):
    response = send_assessment(client)
    for page in [
        client.get(ASSESSMENT_URL),
        client.get(CALLBACK_URL),
        client.post(ASSESSMENT_URL, {"stap": "gevaar"}),
        client.get(response["Location"]),
    ]:
        assert "no-store" in page["Cache-Control"]


def test_the_link_stops_working_after_a_day_with_a_kind_explanation(client, time_machine):
    response = send_assessment(client)
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=25))
    page = client.get(response["Location"])
    assert page.status_code == 410
    html = page.content.decode()
    assert "Deze bevestiging is verlopen" in html
    assert "Uw aanvraag is goed bij ons aangekomen." in html
    # True for every parent, also the one we sent no mail to keep them safe.
    assert "Kreeg u een e-mail van ons? Daarin staat het nummer van uw aanvraag." in html
    assert Request.objects.get().reference not in html


def test_a_guessed_or_altered_link_shows_nothing(client):
    response = send_assessment(client)
    req = Request.objects.get()
    location = response["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    guesses = [
        f"/onderzoek-aanvragen/ontvangen/{req.pk}/",
        f"/onderzoek-aanvragen/ontvangen/{req.reference}/",
        f"/onderzoek-aanvragen/ontvangen/{token[:-2]}xx/",
        f"/onderzoek-aanvragen/ontvangen/{signing.dumps(req.pk)}/",  # signed, but not by us for this
        f"/bel-mij-terug/ontvangen/{token}/",  # an assessment link does not open as a callback
        "/onderzoek-aanvragen/ontvangen/" + "a" * 500 + "/",
    ]
    for url in guesses:
        page = client.get(url)
        assert page.status_code == 404, url
        assert req.reference not in page.content.decode()


def test_a_request_erased_since_shows_nothing(client):
    response = send_assessment(client)
    Request.objects.all().delete()
    assert client.get(response["Location"]).status_code == 404


def test_the_confirmation_is_rendered_once_and_each_parent_sees_their_own_reference(client):
    first = client.get(send_assessment(client)["Location"])
    second = client.get(send_assessment(client, contact_name="Kees de Vries")["Location"])
    references = list(Request.objects.order_by("pk").values_list("reference", flat=True))
    assert first.templates and not second.templates  # kept after the first parent
    assert references[0] in first.content.decode() and references[1] not in first.content.decode()
    assert references[1] in second.content.decode() and references[0] not in second.content.decode()
    assert "no-store" in second["Cache-Control"]
