"""Every page shares the frame: Dutch, a skip link, the phone number, the main landmarks."""

import pytest

pytestmark = pytest.mark.django_db


def test_frame_on_a_page(client, site_content):
    body = client.get("/bestaat-niet/").content.decode()
    assert '<html lang="nl">' in body
    assert body.index('class="skip-link" href="#inhoud"') < body.index("<header")
    assert '<a class="phone-link" href="tel:+31493327506">' in body
    assert "Bel ons:" in body
    assert '<main id="inhoud"' in body
    assert "Privacyverklaring" in body and "Toegankelijkheid" in body
    assert "<script" not in body.replace('type="application/ld+json"', "")
