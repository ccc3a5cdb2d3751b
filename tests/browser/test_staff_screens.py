"""The staff screens (Django admin) in a real browser: the login page has its h1, every field's
border stands out 3:1 from what is around it (WCAG 1.4.11) in the light and the dark theme,
and no English name of a model or app stands in a page marked Dutch unless it is marked
English itself (WCAG 3.1.2)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .conftest import assert_accessible

PASSWORD = "een-lang-wachtwoord-2026"

# Fields whose border is below 3:1 against the field's own background or the one around it.
WEAK_FIELD_BORDERS = """
() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !['hidden', 'checkbox', 'radio', 'submit', 'button', 'file'].includes(el.type))
    .filter((el) => el.checkVisibility())
    .map((el) => {
      const border = rgb(getComputedStyle(el).borderTopColor);
      const worst = Math.min(ratio(border, background(el)), ratio(border, background(el.parentElement)));
      return [el.name || el.id, Math.round(worst * 100) / 100];
    })
    .filter(([, worst]) => worst < 3);
}
"""

# English words read out in Dutch: the text of the page outside any element marked lang="en".
DUTCH_TEXT = """
() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, template')) continue;
    const lang = (el.closest('[lang]') || document.documentElement).lang;
    if (lang.startsWith('nl')) parts.push(n.textContent);
  }
  return parts.join(' ');
}
"""
ENGLISH_NAMES = [
    "Access attempt",
    "Access failure",
    "Access log",
    "Axes",
    "TOTP device",
    "Otp_Totp",
    "OTP_TOTP",
    "Model name",
    "Add link",
    "Change or view list link",
    "IP Address",
    "Attempt Time",
    "User Agent",
]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_login_page_has_a_heading_and_fields_that_stand_out(new_page, live_site, theme):
    page = new_page()
    page.emulate_media(color_scheme=theme)
    page.goto(live_site + reverse("admin:login"))
    assert page.get_by_role("heading", level=1).all_inner_texts() == ["Inloggen"]
    assert page.evaluate(WEAK_FIELD_BORDERS) == []
    assert_accessible(page)


def test_staff_screens_speak_dutch_and_their_fields_stand_out(new_page, live_site):
    get_user_model().objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    page = new_page()
    page.goto(live_site + reverse("admin:index"))
    page.get_by_label("Gebruikersnaam").fill("beheer")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Aanvragen op dit moment").wait_for()

    found = {}
    for name in [
        "admin:index",
        "admin:axes_accessattempt_changelist",
        "admin:axes_accessfailurelog_changelist",
        "admin:axes_accesslog_changelist",
        "admin:otp_totp_totpdevice_changelist",
        "admin:otp_totp_totpdevice_add",
    ]:
        page.goto(live_site + reverse(name))
        english = [word for word in ENGLISH_NAMES if word in page.evaluate(DUTCH_TEXT)]
        weak = page.evaluate(WEAK_FIELD_BORDERS)
        if english or weak:
            found[name] = {"English in Dutch": english, "weak field borders": weak}
    assert found == {}
    # The app list names both apps in Dutch.
    page.goto(live_site + reverse("admin:index"))
    for heading in ["Inlogbeveiliging", "Twee-factor-inlog"]:
        assert page.get_by_role("link", name=heading, exact=True).count() >= 1
