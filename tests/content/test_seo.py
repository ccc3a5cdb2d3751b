"""What search engines and link previews see: sitemap, canonical URL, Open Graph, JSON-LD."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.test import override_settings
from django.utils import timezone

from content.models import Page, Section
from content.reviews import mark_reviewed
from tests.factories import confirm_fact, make_reviewer, publish

pytestmark = pytest.mark.django_db

SITE = "https://www.bijzonderjeugdwerk.nl"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@override_settings(SITE_URL=SITE)
def test_the_sitemap_lists_every_published_page_on_the_real_host(client, site_content):
    entries = sitemap(client)
    expected = {SITE + page.get_absolute_url() for page in Page.objects.published()}
    assert set(entries) == expected
    assert SITE + "/" in entries and SITE + "/kenmerken-en-symptomen/" in entries
    assert not any("example.com" in loc or "testserver" in loc for loc in entries)


def test_the_sitemap_leaves_out_unpublished_pages(client, site_content):
    Page.objects.filter(slug="contact").update(is_published=False)
    assert not any(loc.endswith("/contact/") for loc in sitemap(client))


@override_settings(SITE_URL=SITE)
def test_the_sitemap_gives_each_page_its_last_approved_change(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    Page.objects.filter(pk=page.pk).update(published_at=page.published_at.replace(year=2025))
    assert sitemap(client)[SITE + "/wat-is-hechting/"].startswith("2025-")

    section = page.sections.first()
    section.body = "Nieuwe tekst."
    section.save()
    assert sitemap(client)[SITE + "/wat-is-hechting/"].startswith("2025-")  # not live yet
    publish(page)
    assert not sitemap(client)[SITE + "/wat-is-hechting/"].startswith("2025-")


def test_robots_txt_points_at_the_sitemap(client, site_content):
    body = client.get("/robots.txt").content.decode()
    assert re.search(r"^Sitemap: https?://[^/]+/sitemap\.xml$", body, re.M)


@override_settings(SITE_URL=SITE)
def test_a_page_has_a_canonical_url_description_and_open_graph_tags(client, site_content):
    html = client.get("/wat-is-hechting/", HTTP_HOST="127.0.0.1").content.decode()
    page = Page.objects.get(slug="wat-is-hechting")

    assert f'<link rel="canonical" href="{SITE}/wat-is-hechting/">' in html
    assert f'<meta name="description" content="{page.meta_description}">' in html
    assert '<meta property="og:title" content="Wat is hechting?">' in html
    assert f'<meta property="og:url" content="{SITE}/wat-is-hechting/">' in html
    assert '<meta property="og:locale" content="nl_NL">' in html
    assert "<title>Wat is hechting? | Bijzonder Jeugdwerk</title>" in html


@override_settings(SITE_URL=SITE)
def test_a_hub_page_describes_itself_as_a_medical_web_page_by_the_organisation(
    client, site_content
):
    data = json_ld(client.get("/kenmerken-en-symptomen/").content.decode())
    page = Page.objects.get(slug="kenmerken-en-symptomen")

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["url"] == SITE + "/kenmerken-en-symptomen/"
    assert data["name"] == "Waaraan herkent u hechtingsproblemen?"
    assert data["inLanguage"] == "nl"
    assert data["about"]["@type"] == "MedicalCondition"
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Bijzonder Jeugdwerk"
    assert publisher["telephone"] == "+31493327506"
    assert publisher["url"] == SITE + "/"
    # Concepts stay out: no e-mail address, no locations; and nobody reviewed the page yet.
    assert "email" not in publisher and "areaServed" not in publisher
    assert "lastReviewed" not in data and "reviewedBy" not in data

    mark_reviewed(page, reviewer=make_reviewer(public_name="Drs. A. de Vries"))
    confirm_fact("email", "info@bijzonderjeugdwerk.nl")
    data = json_ld(client.get("/kenmerken-en-symptomen/").content.decode())
    assert data["lastReviewed"] == timezone.localdate().isoformat()
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Drs. A. de Vries",
        "jobTitle": "GZ-psycholoog",
    }
    assert data["publisher"]["email"] == "info@bijzonderjeugdwerk.nl"


def test_the_home_page_is_a_web_page_and_the_contact_page_a_contact_page(client, site_content):
    assert json_ld(client.get("/").content.decode())["@type"] == "WebPage"
    assert json_ld(client.get("/contact/").content.decode())["@type"] == "ContactPage"


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Titel </script><script>alert(1)</script>"
    page.save()
    publish(page)
    html = client.get("/wat-is-hechting/").content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "Titel </script><script>alert(1)</script>"


def test_a_page_without_its_own_description_uses_in_het_kort(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.meta_description = ""
    page.save()
    publish(page)
    html = client.get("/wat-is-hechting/").content.decode()
    assert '<meta name="description" content="Hechting is de band tussen een kind' in html


def test_section_headings_are_h2_and_never_a_second_h1(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    Section.objects.create(page=page, order=99, heading="# Een kop", body="# Nog een kop")
    publish(page)
    html = client.get("/wat-is-hechting/").content.decode()
    assert html.count("<h1") == 1
