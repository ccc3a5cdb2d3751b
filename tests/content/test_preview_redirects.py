"""Drafts stay hidden from the public but staff can preview them; moved pages keep working."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.redirects.models import Redirect

from content.models import Page
from tests.factories import make_staff, make_superuser, make_user, publish

from .html import main_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_content):
    page = Page.objects.create(
        title="Nieuwe pagina in de maak", slug="in-de-maak", summary="Nog niet klaar.", order=70
    )
    return page


def editor():
    user = make_staff()
    user.user_permissions.add(Permission.objects.get(codename="view_page"))
    return user


def test_an_unpublished_page_is_not_found_by_the_public(client, draft):
    response = client.get("/in-de-maak/")
    assert response.status_code == 404
    assert "Nieuwe pagina in de maak" not in response.content.decode()


def test_an_unpublished_page_is_not_in_the_menu_or_the_guide(client, draft):
    html = client.get("/wat-is-hechting/").content.decode()
    assert "/in-de-maak/" not in html


def test_staff_see_an_unpublished_page_as_a_preview_with_a_clear_banner(client, draft):
    client.force_login(editor())
    response = client.get("/in-de-maak/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Voorbeeld: deze pagina is niet gepubliceerd. Alleen medewerkers zien hem." in html
    assert f'href="/beheer/content/page/{draft.pk}/change/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert "Nog niet klaar." in main_text(html)


def test_a_superuser_can_preview_an_unpublished_home_page(client, site_content):
    Page.objects.filter(kind=Page.Kind.HOME).update(is_published=False)
    Page.objects.get(slug="contact").save()  # empty the cache
    assert client.get("/").status_code == 404

    client.force_login(make_superuser())
    response = client.get("/")
    assert response.status_code == 200
    assert "Voorbeeld:" in response.content.decode()


def test_staff_without_content_rights_and_ordinary_users_get_404(client, draft):
    client.force_login(make_staff())
    assert client.get("/in-de-maak/").status_code == 404
    client.force_login(make_user())
    assert client.get("/in-de-maak/").status_code == 404


def test_published_pages_show_no_preview_banner_to_staff(client, site_content):
    client.force_login(editor())
    html = client.get("/wat-is-hechting/").content.decode()
    assert "Voorbeeld:" not in html


def test_publishing_shows_the_page_to_everyone_at_once(client, draft):
    assert client.get("/in-de-maak/").status_code == 404
    draft.is_published = True
    draft.save()
    assert client.get("/in-de-maak/").status_code == 404  # no approved version yet
    publish(draft)
    response = client.get("/in-de-maak/")
    assert response.status_code == 200
    assert "Voorbeeld:" not in response.content.decode()


def test_a_changed_slug_redirects_the_old_address_permanently(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.slug = "hechting-uitgelegd"
    page.save()

    response = client.get("/wat-is-hechting/")
    assert response.status_code == 301
    assert response["Location"] == "/hechting-uitgelegd/"
    assert client.get("/hechting-uitgelegd/").status_code == 200


def test_moving_a_page_twice_redirects_both_old_addresses_in_one_step(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    for slug in ["hechting-uitgelegd", "over-hechting"]:
        page.slug = slug
        page.save()

    for old in ["/wat-is-hechting/", "/hechting-uitgelegd/"]:
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/over-hechting/"
    assert Redirect.objects.filter(new_path="/hechting-uitgelegd/").count() == 0


def test_moving_a_page_back_removes_the_redirect_from_its_address(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.slug = "hechting-uitgelegd"
    page.save()
    page.slug = "wat-is-hechting"
    page.save()

    assert client.get("/wat-is-hechting/").status_code == 200
    assert not Redirect.objects.filter(old_path="/wat-is-hechting/").exists()
    response = client.get("/hechting-uitgelegd/")
    assert (response.status_code, response["Location"]) == (301, "/wat-is-hechting/")


def test_saving_without_a_slug_change_makes_no_redirect(site_content):
    seeded = set(Redirect.objects.values_list("old_path", flat=True))  # renamed seed pages
    page = Page.objects.get(slug="contact")
    page.title = "Contact opnemen"
    page.save()
    assert set(Redirect.objects.values_list("old_path", flat=True)) == seeded


def test_links_in_the_frame_follow_a_moved_contact_page(client, site_content):
    page = Page.objects.get(slug="contact")
    page.slug = "contact-opnemen"
    page.save()
    # The footer links to /contact/ by name; the redirect keeps that link working.
    response = client.get("/contact/", follow=True)
    assert response.redirect_chain == [("/contact-opnemen/", 301)]
    assert "Bel ons" in main_text(response.content)
