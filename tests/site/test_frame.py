"""Every page shares the frame: Dutch, a skip link, the phone number, the main landmarks."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_frame_on_a_page(client, site_content):
    body = client.get("/bestaat-niet/").content.decode()
    assert '<html lang="nl">' in body
    # "Snel weg" first, then the skip link, both in the header's first row.
    assert body.index("<header") < body.index('class="quick-exit"')
    assert body.index('class="quick-exit"') < body.index('class="skip-link" href="#inhoud"')
    assert '<a class="phone-link" href="tel:+31493327506">' in body
    assert "Bel ons:" in body
    assert '<main id="inhoud"' in body
    assert "Privacyverklaring" in body and "Toegankelijkheid" in body
    # One script, our own and deferred: the quick exit's (the page works without it).
    scripts = [tag for tag in re.findall(r"<script\b[^>]*>", body) if "ld+json" not in tag]
    assert len(scripts) == 1
    assert re.search(r'src="/static/js/quick-exit[^"]*\.js" defer', scripts[0])
