"""The admin for editors: Dutch, pages with inline sections, signs, one site-facts form."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from content.models import Page, Section, Sign, Version
from content.readability import measure
from tests.factories import make_superuser

from .html import form_data, main_text

pytestmark = pytest.mark.django_db

ADMIN = "/beheer/content"


@pytest.fixture
def admin_client(client, site_content):
    client.force_login(make_superuser())
    return client


def change_page(admin_client, page, **changes):
    """Submit the page's admin form as an editor would, with some fields changed."""
    url = f"{ADMIN}/page/{page.pk}/change/"
    data = form_data(admin_client.get(url).content, "page_form")
    data.update(changes)
    return admin_client.post(url, data, follow=True)


def test_the_page_list_shows_published_and_review_due_in_dutch(admin_client):
    html = admin_client.get(f"{ADMIN}/page/").content.decode()
    assert "Gepubliceerd" in html
    assert "Volgende controle" in html
    assert "Controle te laat" in html  # the filter
    assert "Concept, laten controleren" in html  # the editor's note column
    assert 'href="/wat-is-hechting/">Bekijk op site</a>' in html


def test_the_overdue_filter_shows_only_pages_whose_review_is_late(admin_client):
    late = Page.objects.get(slug="wat-is-hechting")
    late.next_review_due = timezone.localdate() - datetime.timedelta(days=1)
    late.save()

    html = admin_client.get(f"{ADMIN}/page/", {"controle": "te-laat"}).content.decode()
    assert "(te laat)" in html
    assert f"{ADMIN}/page/{late.pk}/change/" in html
    other = Page.objects.get(slug="oorzaken-onveilige-hechting")
    assert f"{ADMIN}/page/{other.pk}/change/" not in html

    other.next_review_due = timezone.localdate() + datetime.timedelta(days=10)
    other.save()
    html = admin_client.get(f"{ADMIN}/page/", {"controle": "binnenkort"}).content.decode()
    assert f"{ADMIN}/page/{other.pk}/change/" in html
    assert f"{ADMIN}/page/{late.pk}/change/" not in html


def test_the_change_form_links_to_the_page_on_the_site(admin_client):
    page = Page.objects.get(slug="wat-is-hechting")
    html = admin_client.get(f"{ADMIN}/page/{page.pk}/change/").content.decode()
    assert '<a href="/wat-is-hechting/" class="viewsitelink">Bekijk op site</a>' in html

    page.is_published = False
    page.save()
    html = admin_client.get(f"{ADMIN}/page/{page.pk}/change/").content.decode()
    assert '<a href="/wat-is-hechting/" class="viewsitelink">Bekijk voorbeeld</a>' in html


def test_sections_are_edited_inline_and_an_edit_waits_for_approval(admin_client, client):
    page = Page.objects.get(slug="wat-is-hechting")
    client.get(page.get_absolute_url())  # the page is cached now
    data = {"sections-0-body": "Een kind zoekt troost. Dat is normaal."}

    response = change_page(admin_client, page, **data)

    assert response.status_code == 200
    assert "bewaard als versie 2" in response.content.decode()
    assert "Een kind zoekt troost. Dat is normaal." not in main_text(
        client.get(page.get_absolute_url()).content
    )
    pending = Version.objects.get(page=page, state=Version.State.PENDING)
    assert pending.data["sections"][0]["body"] == "Een kind zoekt troost. Dat is normaal."


def test_saving_a_page_gives_a_b1_readability_hint(admin_client):
    page = Page.objects.get(slug="wat-is-hechting")
    response = change_page(admin_client, page, summary="Kort. Heel kort. Nog een zin.")

    html = response.content.decode()
    assert "Leesbaarheid (B1): gemiddeld" in html
    assert "woorden per zin (streef naar 5 tot 10, nooit meer dan 20)." in html
    # The seed text is B1: no sentence over 20 words, so the hint is a success that still
    # quotes the longest sentence.
    assert '<li class="success">' in html
    assert "Langste zinnen: “" in html


def test_the_readability_hint_warns_about_sentences_over_twenty_words(admin_client):
    page = Page.objects.get(slug="contact")
    long_sentence = "Een " + " ".join(["woord"] * 23) + "."
    response = change_page(admin_client, page, summary=f"Dit is kort. {long_sentence}")
    html = response.content.decode()
    assert "messagelist" in html
    assert 'class="warning"' in html
    assert "(24 woorden)" in html


def test_sections_are_renumbered_in_steps_of_ten_after_saving(admin_client):
    page = Page.objects.get(slug="verwijzing-kosten-en-wachttijd")
    sections = list(page.sections.all())
    assert len(sections) == 4
    changes = {f"sections-{i}-order": str(order) for i, order in enumerate([3, 1, 4, 2])}
    change_page(admin_client, page, **changes)

    ordered = list(page.sections.order_by("order").values_list("pk", "order"))
    assert ordered == [
        (sections[1].pk, 10),
        (sections[3].pk, 20),
        (sections[0].pk, 30),
        (sections[2].pk, 40),
    ]


def test_a_new_page_can_be_added_with_sections(admin_client):
    url = f"{ADMIN}/page/add/"
    data = form_data(admin_client.get(url).content, "page_form")
    data.update(
        {
            "title": "Veelgestelde vragen",
            "slug": "veelgestelde-vragen",
            "kind": "info",
            "call_to_action": "callback",
            "is_published": "on",
            "sections-TOTAL_FORMS": "1",
            "sections-0-order": "10",
            "sections-0-heading": "Wat kost een onderzoek?",
            "sections-0-body": "Dat hangt af van uw situatie.",
        }
    )
    response = admin_client.post(url, data, follow=True)
    assert response.status_code == 200
    page = Page.objects.get(slug="veelgestelde-vragen")
    assert page.sections.get().anchor == "wat-kost-een-onderzoek"
    # Staff see it in preview; parents only once a reviewer approved its first version.
    assert "Dat hangt af van uw situatie." in main_text(
        admin_client.get("/veelgestelde-vragen/").content
    )
    assert Client().get("/veelgestelde-vragen/").status_code == 404


def test_a_slug_used_by_the_request_forms_is_refused_in_dutch(admin_client):
    page = Page.objects.get(slug="contact")
    response = change_page(admin_client, page, slug="onderzoek-aanvragen")
    assert (
        "Dit adres is al in gebruik door een ander deel van de site." in response.content.decode()
    )
    page.refresh_from_db()
    assert page.slug == "contact"


def test_signs_are_an_orderable_list(admin_client):
    html = admin_client.get(f"{ADMIN}/sign/").content.decode()
    assert 'name="form-0-order"' in html
    assert "het kind heeft weinig vertrouwen in zichzelf en in anderen" in html

    signs = list(Sign.objects.order_by("order"))
    data = form_data(html, "changelist-form")
    data.update({"form-0-order": "95", "_save": "Opslaan"})
    admin_client.post(f"{ADMIN}/sign/", data)
    assert list(Sign.objects.active())[-1] == signs[0]


def test_the_admin_speaks_dutch(admin_client):
    html = admin_client.get("/beheer/").content.decode()
    assert "Inhoud" in html
    assert "Pagina&#x27;s" in html or "Pagina's" in html
    assert "Signalen" in html
    assert "Feiten van de organisatie" in html
    assert "Versies" in html


def test_readability_counts_words_per_sentence_and_finds_the_longest():
    result = measure(
        [
            "<p>Een kind zoekt troost. Dat is normaal, o.a. bij angst.</p>",
            "<ul><li>een opsomming zonder punt</li><li>nog een</li></ul>",
        ]
    )
    assert result.sentences == 4
    assert result.words == 4 + 6 + 4 + 2
    assert result.longest[0] == (6, "Dat is normaal, o.a. bij angst.")
    assert result.ok


def test_section_inline_fields_carry_help_for_editors(admin_client):
    page = Page.objects.get(slug="wat-is-hechting")
    html = admin_client.get(f"{ADMIN}/page/{page.pk}/change/").content.decode()
    assert "Tip: nummer 10, 20, 30" in html
    assert "Een opsomming: begin elke regel met" in html
    assert Section.objects.filter(page=page).count() == 3
