"""A site that parents already read gets the new seed through review, never over an edit.

The site starts as the first seed left it (tests/content/first_seed.py). ``load_content``
then proposes the new text as pending versions where nobody changed a page, creates the
new pages pending, keeps every page an editor changed, and keeps renamed pages' old
addresses working.
"""

import io

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import call_command

from content.models import Page, Sign, Version
from content.publishing import approve, live_signs
from content.seed import SIGNS, SLUGS
from tests.factories import make_editor, make_reviewer

from .first_seed import SIGNS as FIRST_SIGNS
from .first_seed import load_first_seed
from .html import main_text

pytestmark = pytest.mark.django_db

OLD_PAGES = {
    "home",
    "wat-is-hechting",
    "oorzaken",
    "gevolgen",
    "kenmerken",
    "diagnose",
    "behandeling",
    "contact",
}
UNCHANGED_TEXT = {"privacyverklaring", "toegankelijkheidsverklaring"}
NEW_PAGES = set(SLUGS) - OLD_PAGES - UNCHANGED_TEXT


@pytest.fixture
def old_site(db):
    load_first_seed()


def load_content():
    out = io.StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


def pending(page):
    return page.versions.filter(state=Version.State.PENDING).first()


def approve_all(reviewer):
    for version in Version.objects.filter(state=Version.State.PENDING):
        approve(version, reviewer=reviewer)


def test_an_unchanged_page_gets_the_new_text_as_a_pending_version(client, old_site):
    load_content()

    page = Page.objects.get(seed_key="oorzaken")
    version = pending(page)
    assert version.note == "Nieuwe startinhoud (B1)" and version.author is None
    assert version.data["title"] == "Hoe ontstaan hechtingsproblemen?"
    # Parents read the old text until a deskundige approves the new one.
    text = main_text(client.get(page.get_absolute_url()).content)
    assert "Oorzaken van onveilige hechting" in text
    assert "Het is niet uw schuld" in text  # the block is the page's setting: at once

    approve(version, reviewer=make_reviewer())
    text = main_text(client.get(page.get_absolute_url()).content)
    assert "Hoe ontstaan hechtingsproblemen?" in text
    assert "Oorzaken van onveilige hechting" not in text


def test_every_old_page_nobody_changed_is_proposed_and_the_statements_are_left(old_site):
    output = load_content()

    proposed = set(
        Page.objects.filter(versions__state="pending").values_list("seed_key", flat=True)
    )
    assert proposed == OLD_PAGES | NEW_PAGES
    for key in UNCHANGED_TEXT:
        assert Page.objects.get(seed_key=key).versions.count() == 1
    assert "Nieuwe tekst voorgesteld (wacht op goedkeuring)" in output
    assert "Door de redactie gewijzigd" not in output


def test_new_pages_wait_for_approval_before_parents_see_them(client, old_site):
    output = load_content()

    assert "Pagina's aangemaakt (wachten op goedkeuring)" in output
    for key in NEW_PAGES:
        page = Page.objects.get(seed_key=key)
        assert page.live_version is None and pending(page).number == 1
        assert client.get(page.get_absolute_url()).status_code == 404
    assert "/gesprekskaart/" not in client.get("/").content.decode()

    approve_all(make_reviewer())
    assert client.get("/gesprekskaart/").status_code == 200
    assert "/gesprekskaart/" in client.get("/").content.decode()


def test_a_page_an_editor_changed_keeps_the_editors_text(client, old_site):
    page = Page.objects.get(seed_key="behandeling")
    section = page.sections.first()
    section.body = "Door de redactie herschreven."
    section.save()

    output = load_content()

    page.refresh_from_db()
    assert pending(page) is None
    assert page.title == "Behandeling hechtingsstoornis"
    assert page.sections.first().body == "Door de redactie herschreven."
    assert "Door de redactie gewijzigd, daarom niet bijgewerkt: behandeling-nika-interventie" in (
        output
    )


def test_fields_keep_an_editors_value_and_take_the_new_seeds_otherwise(old_site):
    kenmerken = Page.objects.get(seed_key="kenmerken")
    kenmerken.call_to_action = Page.CallToAction.CALLBACK  # an editor's choice
    kenmerken.save()

    load_content()

    kenmerken.refresh_from_db()
    assert kenmerken.call_to_action == Page.CallToAction.CALLBACK
    oorzaken = Page.objects.get(seed_key="oorzaken")
    assert (oorzaken.show_urgent_help, oorzaken.show_not_your_fault) == (False, True)
    assert "Nieuw:" in oorzaken.editor_note  # the note describes the new text


def test_renamed_pages_keep_their_old_addresses(client, old_site):
    load_content()

    for old, new in [
        ("/hechtingsstoornis-en-gedragsproblemen/", "/gevolgen-van-hechtingsproblemen/"),
        ("/diagnose-psychologisch-onderzoek/", "/psychologisch-onderzoek/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
        assert client.get(new).status_code == 200


def test_a_page_an_editor_moved_keeps_its_address(client, old_site):
    page = Page.objects.get(seed_key="gevolgen")
    page.slug = "gevolgen"
    page.save()

    load_content()

    page.refresh_from_db()
    assert page.slug == "gevolgen"
    response = client.get("/hechtingsstoornis-en-gedragsproblemen/")
    assert (response.status_code, response["Location"]) == (301, "/gevolgen/")
    assert not Redirect.objects.filter(new_path="/gevolgen-van-hechtingsproblemen/").exists()


def test_an_unchanged_signs_list_gets_the_new_words_through_review(old_site):
    load_content()

    assert [text for _, text in live_signs()] == FIRST_SIGNS  # the form still asks these
    version = Version.objects.get(subject="signs", state="pending")
    assert [item["text"] for item in version.data["signs"]] == SIGNS
    approve(version, reviewer=make_reviewer())
    assert [text for _, text in live_signs()] == SIGNS


def test_an_edited_signs_list_is_left_alone(old_site):
    Sign.objects.filter(order=10).update(text="door de redactie aangepast")

    load_content()

    assert not Version.objects.filter(subject="signs", state="pending").exists()
    assert Sign.objects.filter(text="door de redactie aangepast").exists()


def test_running_it_again_proposes_nothing_new(old_site):
    load_content()
    versions = Version.objects.count()

    output = load_content()

    assert Version.objects.count() == versions
    assert "voorgesteld" not in output and "aangemaakt" not in output


def test_a_reviewer_may_approve_the_proposal_and_an_editor_may_not(old_site):
    load_content()
    version = pending(Page.objects.get(seed_key="home"))
    editor = make_editor()
    with pytest.raises(Exception, match="inhoudelijk deskundige"):
        approve(version, reviewer=editor)
    approve(version, reviewer=make_reviewer())
    assert Page.objects.get(seed_key="home").live["title"] == (
        "Hechtingsproblemen bij kinderen en jongeren"
    )
