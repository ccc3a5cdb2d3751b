"""A day's calls in real Chromium: open "Vandaag bellen", record "geen gehoor" on one request
and "bereikt" on another, see the list and the queue change; voicemail refused where the
parent said no. axe finds nothing on the list, the call page (also with an error) and the
queue.

With SCREENSHOT_DIR set (e.g. docs/screenshots), it also saves "Vandaag bellen" and a call
page there, for the README:

    SCREENSHOT_DIR=docs/screenshots DJANGO_ENV=test .venv/bin/pytest tests/browser/test_call_desk.py
"""

import datetime
import os
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from requests_app.models import Status
from tests.factories import make_assessment_request, make_callback_request, make_intake_member

from .test_triage_desk import PASSWORD, check


def a_day_of_calls():
    """What the desk holds on an ordinary morning: a late call, today's, one by phone."""
    today = timezone.localdate()
    earlier = timezone.now() - datetime.timedelta(days=3)
    late = make_callback_request(
        contact_name="Ilse Bakker",
        callback_date=today - datetime.timedelta(days=1),
        callback_daypart="afternoon",
        created_at=earlier,
        voicemail_allowed=False,
    )
    morning = make_callback_request(
        contact_name="Jeroen de Wit", callback_date=today, callback_daypart="morning"
    )
    afternoon = make_callback_request(
        contact_name="Fatima el Amrani", callback_date=today, callback_daypart="afternoon"
    )
    phone = make_assessment_request(
        contact_name="Sandra Verhoeven", created_at=earlier, may_name_organisation=False
    )
    make_callback_request(contact_name="Kees Smit", status=Status.UNREACHED)
    return late, morning, afternoon, phone


def shoot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True, caret="hide")


def row(page, reference):
    return page.locator("tr", has=page.get_by_role("link", name=reference, exact=True))


def test_a_day_of_calls(live_site, desktop_page):
    page = desktop_page
    make_intake_member(username="sanne", first_name="Sanne", last_name="de Vries")
    late, morning, afternoon, phone = a_day_of_calls()

    page.goto(live_site + reverse("admin:index"))
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Aanvragen op dit moment").wait_for()
    assert "4 Vandaag te bellen" in " ".join(page.locator(".triage-dashboard").inner_text().split())
    page.get_by_role("link", name="Vandaag bellen", exact=True).click()

    page.get_by_role("heading", name="Vandaag bellen", level=1).wait_for()
    due = page.locator("section", has=page.locator("#belmomenten")).locator("tbody tr")
    assert [due.nth(i).locator("a").first.inner_text() for i in range(due.count())] == [
        late.reference,
        morning.reference,
        afternoon.reference,
    ]
    assert "Te laat: nog niet gebeld" in due.first.inner_text()
    assert "Geen voicemail inspreken" in due.first.inner_text()
    assert (
        phone.reference
        in page.locator("section", has=page.locator("#onderzoek-bellen")).inner_text()
    )
    check(page)
    shoot(page, "callback-desk-desktop")

    # The late call: the parent said no voicemail; staff try, then record "geen gehoor".
    row(page, late.reference).get_by_role("link", name=f"Bellen {late.reference}").click()
    page.get_by_role("heading", name="Veilig contact: lees dit voordat u belt").wait_for()
    text = page.locator("#content-main").inner_text()
    assert text.index("Geen voicemail inspreken") < text.index("06 ")
    check(page)
    shoot(page, "callback-desk-call-desktop")
    page.get_by_label("Voicemail ingesproken (mag niet bij deze ouder)").check()
    page.get_by_role("button", name="Belpoging vastleggen").click()
    page.get_by_text("Deze ouder wil geen bericht op de voicemail.").wait_for()
    assert page.title().startswith("Fout:")
    check(page)
    page.get_by_label("Geen gehoor").check()
    page.get_by_label("Korte notitie (mag leeg blijven)").fill("Ging niet over, later nog eens.")
    page.get_by_role("button", name="Belpoging vastleggen").click()
    page.locator(".messagelist .success").wait_for()
    assert "Geen gehoor" in page.locator(".messagelist").inner_text()
    assert "1 poging, laatste: geen gehoor" in row(page, late.reference).inner_text()
    check(page)

    # This morning's call: reached. It leaves the list.
    row(page, morning.reference).get_by_role("link", name=f"Bellen {morning.reference}").click()
    page.get_by_label("Bereikt").check()
    page.get_by_role("button", name="Belpoging vastleggen").click()
    page.locator(".messagelist .success").wait_for()
    assert row(page, morning.reference).count() == 0
    assert row(page, late.reference).count() == 1

    # The queue shows the change: status, attempts and last outcome.
    page.get_by_role("link", name="Dezelfde lijst in de wachtrij").click()
    page.get_by_role("heading", name="Wachtrij: aanvragen").wait_for()
    assert row(page, late.reference).count() == 1 and row(page, morning.reference).count() == 0
    page.goto(live_site + reverse("admin:requests_app_request_changelist"))
    reached = row(page, morning.reference).inner_text()
    tried = row(page, late.reference).inner_text()
    assert "Contact opgenomen" in reached and "1 poging, laatste: bereikt" in reached
    assert "In behandeling" in tried and "1 poging, laatste: geen gehoor" in tried
    assert "Te laat: nog niet gebeld" not in tried
    # The call column fits: the queue needs no sideways scrolling at 1280 px.
    assert page.evaluate(
        "() => { const r = document.querySelector('#changelist .results');"
        " return r.scrollWidth <= r.clientWidth; }"
    )
    check(page)
