"""An editor's change goes through a reviewer to the public page, in real Chromium: the
editor edits and previews, parents still see the old text, a reviewer compares, approves
and marks the page as checked, and parents then see the new text and the review line.
Every admin screen on the way, and the fact screens, pass axe."""

from django.urls import reverse

from content.models import Fact, Page
from tests.factories import make_editor, make_reviewer, make_superuser

from .test_triage_desk import PASSWORD, check

NEW = "Een kind hecht zich aan de mensen die elke dag voor hem zorgen."


def log_in(page, live_site, username):
    page.context.clear_cookies()
    page.goto(live_site + reverse("admin:index"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.locator("#content-main").wait_for()


def test_an_editors_change_reaches_parents_only_through_a_reviewer(
    live_site, desktop_page, new_page
):
    page = desktop_page
    make_editor(username="eva")
    make_reviewer(username="ruud", public_name="Drs. R. Peters", profession="GZ-psycholoog")
    target = Page.objects.get(slug="wat-is-hechting")

    # The editor changes a section and saves: a version waiting for approval.
    log_in(page, live_site, "eva")
    page.goto(live_site + reverse("admin:content_page_change", args=[target.pk]))
    check(page)
    page.locator("#id_sections-0-body").fill(NEW)
    page.get_by_role("button", name="Opslaan en opnieuw bewerken").first.click()
    page.get_by_text("Uw wijziging is bewaard als versie 2").wait_for()
    assert "Versie 2 wacht op goedkeuring" in page.locator(".content-status").inner_text()
    check(page)

    # The preview marks the change; a parent sees none of it.
    page.get_by_role("link", name="Voorbeeld van de werkversie").click()
    page.locator(".preview-banner").wait_for()
    assert "wacht op goedkeuring" in page.locator(".preview-banner").inner_text()
    assert page.locator(".prose ins").count() > 0
    check(page)
    parent = new_page()
    parent.goto(live_site + "/wat-is-hechting/")
    assert NEW not in parent.locator("main").inner_text()

    # The reviewer sees it waiting, compares, approves and marks the page as checked.
    log_in(page, live_site, "ruud")
    page.get_by_role("heading", name="Inhoud: wat op u wacht").wait_for()
    check(page)
    page.get_by_role("link", name="Wat is hechting?, versie 2").click()
    page.locator(".version-diff").wait_for()
    assert "gewijzigd" in page.locator(".version-diff").inner_text()
    check(page)
    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    page.get_by_text("is goedgekeurd: ouders zien deze versie nu").wait_for()
    check(page)
    page.goto(live_site + reverse("admin:content_page_change", args=[target.pk]))
    page.get_by_role("button", name="Markeer als inhoudelijk gecontroleerd").click()
    page.get_by_text("is gemarkeerd als gecontroleerd door Drs. R. Peters").wait_for()
    check(page)

    # A new visitor (the first one's browser may keep its copy for CONTENT_PUBLIC_MAX_AGE).
    parent = new_page()
    parent.goto(live_site + "/wat-is-hechting/")
    text = parent.locator("main").inner_text()
    assert NEW in text
    assert "Gecontroleerd door Drs. R. Peters, GZ-psycholoog, op" in text


def test_the_fact_screens_and_version_list_pass_axe(live_site, desktop_page):
    page = desktop_page
    make_superuser(username="beheerder")
    log_in(page, live_site, "beheerder")
    for url in [
        reverse("admin:content_fact_changelist"),
        reverse("admin:content_fact_change", args=[Fact.objects.get(key="opening_hours").pk]),
        reverse("admin:content_fact_change", args=[Fact.objects.get(key="assessment_ages").pk]),
        reverse("admin:content_factchange_changelist"),
        reverse("admin:content_version_changelist"),
        reverse("admin:content_staffprofile_changelist"),
    ]:
        page.goto(live_site + url)
        page.locator("#content").wait_for()
        check(page)
