"""A parent on a phone asks to be called back."""

import re

import pytest

from requests_app.models import Request

from .conftest import assert_accessible


@pytest.fixture
def fast_forms(settings):
    settings.REQUEST_MIN_FILL_SECONDS = 0


def test_a_parent_asks_to_be_called_back_on_a_phone(live_site, phone_page, fast_forms):
    page = phone_page
    page.goto(f"{live_site}/")
    page.get_by_role("link", name="Wij bellen u terug", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Bel mij terug"
    assert_accessible(page)

    page.get_by_label("Uw naam").fill("Marieke Jansen")
    page.get_by_label("Telefoonnummer").fill("+31 6 1234 5678")
    page.get_by_role("button", name="Verzoek versturen").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fout: ")
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    assert page.get_by_label("Uw naam").input_value() == "Marieke Jansen"
    assert_accessible(page)

    page.get_by_role("link", name="Kies een dag.").click()
    assert page.evaluate("document.activeElement.id") == "id_callback_date_0"
    page.get_by_role("group", name="Op welke dag kunnen wij u bellen?").get_by_role(
        "radio"
    ).first.check()
    page.get_by_role("group", name="Welk dagdeel?").get_by_role("radio").last.check()
    page.get_by_role(
        "group", name="Mogen wij een bericht inspreken als u niet opneemt?"
    ).get_by_label("Ja").check()
    page.get_by_role("group", name="Waarover wilt u praten?").get_by_label(
        "De NIKA-interventie"
    ).check()
    page.get_by_label(re.compile("Ik geef Bijzonder Jeugdwerk toestemming")).check()
    page.get_by_role("button", name="Verzoek versturen").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == "Terugbelverzoek ontvangen"
    assert re.fullmatch(
        r"TB-\d{4}-\d{5}", page.locator(".confirmation-panel__reference").inner_text()
    )
    assert_accessible(page)
    assert page.problems == []


def test_a_parent_over_the_rate_limit_is_told_the_request_arrived(
    live_site, phone_page, fast_forms, settings
):
    # Parents behind one school network share an address; say "0/h" to be over at once.
    settings.REQUEST_RATE_LIMIT = "0/h"
    page = phone_page
    page.goto(f"{live_site}/bel-mij-terug/")
    page.get_by_label("Uw naam").fill("Marieke Jansen")
    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_role("group", name="Op welke dag kunnen wij u bellen?").get_by_role(
        "radio"
    ).first.check()
    page.get_by_role("group", name="Welk dagdeel?").get_by_role("radio").first.check()
    page.get_by_role(
        "group", name="Mogen wij een bericht inspreken als u niet opneemt?"
    ).get_by_label("Nee").check()
    page.get_by_role("group", name="Waarover wilt u praten?").get_by_label("Iets anders").check()
    page.get_by_label(re.compile("Ik geef Bijzonder Jeugdwerk toestemming")).check()
    page.get_by_role("button", name="Verzoek versturen").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == "Terugbelverzoek ontvangen"
    reference = page.locator(".confirmation-panel__reference").inner_text()
    assert re.fullmatch(r"TB-\d{4}-\d{5}", reference)
    assert page.get_by_text("U hoeft het formulier niet opnieuw te versturen.").is_visible()
    assert page.get_by_role("link", name="0493 - 327506").first.is_visible()
    assert_accessible(page)
    # The status says what happened (429); Chromium logs any 4xx, nothing else may appear.
    assert [p for p in page.problems if "status of 429" not in p] == []
    req = Request.objects.get(reference=reference)
    assert (req.is_suspected_spam, req.spam_reasons) == (True, ["rate_limited"])
