"""Editors write Markdown; only safe HTML ever reaches a page."""

import pytest

from content.markdown import render_markdown
from content.models import Page, Section
from tests.factories import publish

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Gewone tekst.\n\n"
    "<script>alert('x')</script>\n\n"
    '<p onclick="alert(1)" style="color:red">Klik</p>\n\n'
    "[Lees meer](javascript:alert(1)) en "
    '<a href="JaVaScRiPt:alert(2)">nog een</a> en '
    '<img src="x" onerror="alert(3)">\n\n'
    '<iframe src="https://example.org"></iframe>'
)


def _assert_harmless(html):
    lowered = html.lower()
    assert "<script" not in lowered
    assert "alert('x')" not in lowered
    assert "onclick" not in lowered
    assert "onerror" not in lowered
    assert "javascript:" not in lowered
    assert "<iframe" not in lowered
    assert "<img" not in lowered
    assert "style=" not in lowered


def test_markdown_keeps_paragraphs_lists_bold_and_links():
    html = render_markdown(
        "Een alinea met **vet**.\n\n- een\n- twee\n\n[Contact](/contact/) en "
        "[Veilig Thuis](https://veiligthuis.nl) en [bel](tel:08002000)"
    )
    assert "<p>Een alinea met <strong>vet</strong>.</p>" in html
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in html
    assert 'href="/contact/"' in html
    assert 'href="https://veiligthuis.nl"' in html
    assert 'href="tel:08002000"' in html
    assert 'rel="noopener noreferrer"' in html


def test_markdown_drops_scripts_event_handlers_and_javascript_links():
    html = render_markdown(HOSTILE)
    _assert_harmless(html)
    assert "Gewone tekst." in html
    assert "Klik" in html


def test_a_page_never_shows_a_script_from_its_summary_or_sections(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.summary = HOSTILE
    page.save()
    Section.objects.create(page=page, order=99, heading="Test <b>kop</b>", body=HOSTILE)
    publish(page)

    response = client.get(page.get_absolute_url())

    body = response.content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    _assert_harmless(main)
    assert "Gewone tekst." in main
    # Headings are plain text: markup typed into one is shown, not run.
    assert "Test &lt;b&gt;kop&lt;/b&gt;" in main


def test_stored_html_is_sanitised_when_saved_so_templates_print_only_safe_html(db):
    page = Page.objects.create(title="T", slug="t", summary="<script>x()</script>Hallo")
    section = Section.objects.create(page=page, heading="Kop", body='<a onclick="x()">a</a>')
    assert "<script" not in page.summary_html and "Hallo" in page.summary_html
    assert "onclick" not in section.body_html
