"""Fast pages: few queries whatever their length, cache headers, and edits shown at once."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import override_settings
from django.test.signals import template_rendered

from content.cache import context_key, generation_key
from content.models import Page, Section, Sign
from content.page_cache import page_key
from content.views import html_cached_for_anonymous
from tests.factories import confirm_fact, make_staff, publish

from .html import main_text

pytestmark = pytest.mark.django_db

CONTENT_URLS = [
    "/",
    "/wat-is-hechting/",
    "/kenmerken-en-symptomen/",
    "/contact/",
    "/privacyverklaring/",
    "/toegankelijkheidsverklaring/",
]


def queries_for(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_page_costs_at_most_four_queries_with_one_or_twenty_sections(
    client, site_content, django_assert_max_num_queries
):
    page = Page.objects.get(slug="wat-is-hechting")
    page.sections.all().delete()
    Section.objects.create(page=page, heading="Eén", body="Tekst.")
    publish(page)
    cache.clear()
    one = queries_for(client, page.get_absolute_url(), django_assert_max_num_queries, 4)

    for i in range(19):
        Section.objects.create(page=page, order=i + 1, heading=f"Sectie {i}", body="Tekst.")
    publish(page)
    cache.clear()
    twenty = queries_for(client, page.get_absolute_url(), django_assert_max_num_queries, 4)

    assert one == twenty
    assert "Sectie 18" in client.get(page.get_absolute_url()).content.decode()


def test_the_symptoms_page_with_its_signs_stays_within_the_budget(
    client, site_content, django_assert_max_num_queries
):
    cache.clear()
    queries_for(client, "/kenmerken-en-symptomen/", django_assert_max_num_queries, 4)


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_a_second_reader_costs_no_database_query_at_all(
    client, site_content, django_assert_num_queries, url
):
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_a_second_reader_gets_the_same_page_without_any_template_being_rendered(
    client, site_content, url
):
    first = client.get(url)
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    try:
        second = client.get(url)
    finally:
        template_rendered.disconnect(record)
    assert second.status_code == 200
    assert second.content == first.content
    assert rendered == []
    assert second["Cache-Control"] == "public, max-age=300"
    assert "Cookie" in second["Vary"]


def test_staff_never_get_the_anonymous_copy(client, site_content):
    client.get("/wat-is-hechting/")  # fills the anonymous copy
    client.force_login(make_staff(is_superuser=True))
    response = client.get("/wat-is-hechting/")
    assert response.templates  # rendered for this user
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_anonymous_readers_get_a_public_short_lived_page_and_no_cookie(client, site_content, url):
    response = client.get(url)
    assert response["Cache-Control"] == "public, max-age=300"
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


@override_settings(CONTENT_PUBLIC_MAX_AGE=60)
def test_the_public_cache_lifetime_comes_from_the_settings(client, site_content):
    assert client.get("/").headers["Cache-Control"] == "public, max-age=60"


def test_logged_in_staff_get_pages_that_no_shared_cache_keeps(client, site_content):
    client.force_login(make_staff())
    response = client.get("/wat-is-hechting/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_an_approved_edit_shows_on_the_next_request(client, site_content):
    client.get("/wat-is-hechting/")
    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Wat is hechting precies?"
    page.save()
    section = page.sections.first()
    section.body = "Een nieuwe alinea van de redactie."
    section.save()
    assert "Wat is hechting precies?" not in client.get("/wat-is-hechting/").content.decode()

    publish(page)
    text = main_text(client.get("/wat-is-hechting/").content)
    assert "Wat is hechting precies?" in text
    assert "Een nieuwe alinea van de redactie." in text


def test_an_edit_made_on_another_host_shows_here_although_this_process_kept_the_page(
    client, site_content
):
    """Each process keeps the pages it served in its own memory and asks the shared cache
    for the content version on every request (content/cache.py, content/page_cache.py)."""
    for _ in range(2):  # rendered, then answered from this process's memory
        assert "Hechting op maat" not in client.get("/wat-is-hechting/").content.decode()
    # Another host approves an edit: it writes the live copy and empties the shared
    # cache's content version. Nothing in this process hears of it.
    page = Page.objects.get(slug="wat-is-hechting")
    Page.objects.filter(pk=page.pk).update(live={**page.live, "title": "Hechting op maat"})
    cache.delete_many([generation_key(), context_key()])
    assert "Hechting op maat" in client.get("/wat-is-hechting/").content.decode()


def test_a_confirmed_phone_number_and_locations_show_on_every_page_at_once(client, site_content):
    client.get("/")
    confirm_fact("phone", "040 - 1234567")
    confirm_fact("locations", ["Deurne", "Venlo"])

    html = client.get("/").content.decode()
    assert "040 - 1234567" in html and "0493 - 327506" not in html
    assert "Venlo" in html


def test_an_approved_sign_shows_at_once(client, site_content):
    client.get("/kenmerken-en-symptomen/")
    sign = Sign.objects.active().first()
    sign.text = "het kind zoekt steeds geruststelling"
    sign.save()
    publish()
    assert "het kind zoekt steeds geruststelling" in main_text(
        client.get("/kenmerken-en-symptomen/").content
    )


def test_a_new_menu_title_shows_in_the_navigation_at_once(client, site_content):
    client.get("/")
    page = Page.objects.get(slug="kenmerken-en-symptomen")
    page.menu_title = "Signalen"
    page.save()
    publish(page)
    html = client.get("/").content.decode()
    assert '<a href="/kenmerken-en-symptomen/">Signalen</a>' in html


def test_edits_are_invalidated_again_after_the_transaction_commits(
    site_content, django_capture_on_commit_callbacks
):
    from content.cache import get_site_context

    get_site_context()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Page.objects.get(slug="contact").save()
    # A request between the save and the commit may have cached the old rows again ...
    get_site_context()
    assert cache.get(context_key()) is not None
    # ... so the commit empties the cache once more.
    for callback in callbacks:
        callback()
    assert cache.get(context_key()) is None


def _render_with(template_code):
    @html_cached_for_anonymous
    def view(request):
        return HttpResponse(engines["django"].from_string(template_code).render({}, request))

    return view


@pytest.mark.parametrize(
    ("template_code", "stored"),
    [("<p>Voor iedereen hetzelfde</p>", True), ("<form>{% csrf_token %}</form>", False)],
    ids=["same for everyone", "with a csrf token"],
)
def test_only_pages_without_anything_of_the_visitor_are_kept_for_other_readers(
    rf, site_content, template_code, stored
):
    request = rf.get("/wat-is-hechting/")
    request.user = AnonymousUser()
    request._early_answer_key = page_key("/wat-is-hechting/")  # as EarlyAnswerMiddleware sets it
    response = _render_with(template_code)(request)
    assert hasattr(response, "_keep_for_others") is stored
