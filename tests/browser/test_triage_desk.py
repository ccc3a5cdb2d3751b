"""Staff work a new urgent request in real Chromium: log in, find it at the top of the
queue, open it, take it, note, move it to "contact opgenomen", see it in the history."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.factories import make_assessment_request, make_callback_request, make_intake_member

from .conftest import assert_accessible

PASSWORD = "een-lang-wachtwoord-2026"


def check(page):
    """No console error or CSP violation from the page so far, and no axe violation.

    axe-core's own probes (it sets inline styles while measuring) trip the page's CSP,
    so the page's problems are asserted before axe runs and axe's are set aside after.
    """
    assert page.problems == [], "\n".join(page.problems)
    assert_accessible(page)
    page.problems.clear()


def test_intake_staff_handle_a_new_urgent_request(live_site, desktop_page):
    page = desktop_page
    make_intake_member(username="sanne", first_name="Sanne", last_name="de Vries")
    earlier = timezone.now() - datetime.timedelta(hours=3)
    make_callback_request(created_at=earlier - datetime.timedelta(hours=1))
    make_assessment_request(created_at=earlier)
    urgent = make_assessment_request(
        is_urgent=True,
        contact_name="<script>alert('x')</script> Bakker",
        worries="Hij loopt weg van huis.\n<img src=x onerror=alert(1)>",
    )
    make_callback_request()  # newest, but not urgent

    page.goto(live_site + reverse("admin:index"))
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Aanvragen op dit moment").wait_for()
    check(page)

    page.get_by_role("link", name="Naar de wachtrij").click()
    first_row = page.locator("#result_list tbody tr").first
    assert first_row.locator("th a").inner_text() == urgent.reference
    assert "Spoed" in first_row.inner_text()
    check(page)

    first_row.locator("th a").click()
    page.get_by_role("heading", name="Wat de ouder stuurde").wait_for()
    assert "<script>alert('x')</script> Bakker" in page.locator(".triage-submission").inner_text()
    check(page)

    page.get_by_label("Toegewezen aan").select_option(label="Sanne de Vries")
    page.get_by_label("Nieuwe interne notitie").fill("Moeder gebeld. Ze is veilig bij haar zus.")
    page.get_by_label("Status").select_option(label="Contact opgenomen")
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").click()

    page.locator(".messagelist .success").wait_for()
    history = page.locator(".triage-history").inner_text()
    assert "Toegewezen aan: sanne" in history
    assert "Moeder gebeld. Ze is veilig bij haar zus." in history
    assert "Status: Nieuw → Contact opgenomen" in history
    assert "Sanne de Vries" in history
    assert "Bekeken" in page.locator(".triage-access").inner_text()
    check(page)


def test_an_administrator_answers_a_familys_request_for_access_and_erasure(live_site, desktop_page):
    from django.contrib.auth.models import Permission

    from requests_app.models import PurgeLogEntry, Request

    page = desktop_page
    officer = make_intake_member(username="privacy")
    officer.user_permissions.add(Permission.objects.get(codename="family_data"))
    request = make_assessment_request(phone="+31611111111", worries="Zij slaapt slecht.")
    second = make_callback_request(phone="+31611111111", email="")
    other = make_callback_request(phone="+31622222222")

    page.goto(live_site + reverse("admin:requests_app_request_change", args=[request.pk]))
    page.get_by_label("Gebruikersnaam").fill("privacy")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Gegevens van dit gezin (AVG)").click()
    check(page)
    assert "06 11111111" in page.get_by_label("Telefoonnummer").input_value()
    page.get_by_role("button", name="Aanvragen opzoeken").click()
    page.get_by_role("heading", name="Gevonden: 2 aanvragen").wait_for()
    assert "Zij slaapt slecht." not in page.content()  # nothing before a tick
    check(page)

    page.get_by_label(request.reference).check()
    page.get_by_label(second.reference).check()
    page.get_by_label("Teruggebeld op het telefoonnummer uit de aanvraag").check()
    page.get_by_role("button", name="Aangevinkte aanvragen tonen").click()
    page.get_by_role("heading", name="Gegevens van de aangevinkte aanvragen").wait_for()
    assert "Zij slaapt slecht." in page.content()
    check(page)

    page.get_by_role("button", name="Aangevinkte aanvragen wissen…").click()
    page.get_by_role("button", name="Ja, deze 2 aanvragen wissen").click()
    page.get_by_text("Vink aan dat u weet dat wissen niet terug te draaien is.").wait_for()
    check(page)
    page.get_by_label("Ik weet dat dit niet ongedaan kan worden gemaakt.").check()
    page.get_by_role("button", name="Ja, deze 2 aanvragen wissen").click()
    page.locator(".messagelist .success").wait_for()
    assert "2 aanvragen gewist" in page.locator(".messagelist").inner_text()
    check(page)
    assert list(Request.objects.values_list("pk", flat=True)) == [other.pk]
    assert PurgeLogEntry.objects.count() == 2
