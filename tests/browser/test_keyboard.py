"""Keyboard only: no mouse, no touch.

The first Tab stop is "Snel weg", the second the skip link; every stop shows where the focus is (its outline,
shadow or background differs from the same element unfocused), the phone menu opens with
Enter, and the assessment form can be filled in and sent with Tab, arrows, Space and Enter.
When a step has mistakes the error summary takes the focus.
"""

import pytest

from .parent_steps import h1, press_and_load

# Runs before the page's own scripts on every page of the context. At DOMContentLoaded it
# notes how each focusable element looks unfocused; focusReport() compares the focused
# element with that. It runs outside the page's CSP, like axe.
FOCUS_PROBE = """
(() => {
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const look = (el) => {
    const s = getComputedStyle(el);
    const transparent = (c) => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
      && !transparent(s.outlineColor) ? `${s.outlineWidth} ${s.outlineColor}` : 'none';
    return {outline, shadow: s.boxShadow, background: s.backgroundColor};
  };
  document.addEventListener('DOMContentLoaded', () => {
    window.__unfocused = new Map();
    for (const el of document.querySelectorAll(FOCUSABLE)) window.__unfocused.set(el, look(el));
  });
  window.focusReport = () => {
    const el = document.activeElement;
    const before = window.__unfocused && window.__unfocused.get(el);
    const now = look(el);
    const r = el.getBoundingClientRect();
    const changed = before ? Object.keys(now).filter(
      (k) => now[k] !== before[k] && now[k] !== 'none') : [];
    return {
      element: el.outerHTML.slice(0, 120),
      changed,
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
        && r.right > 0 && r.left < innerWidth,
      isBody: el === document.body,
    };
  };
})();
"""


@pytest.fixture(params=["phone_page", "desktop_page"])
def page(request):
    page = request.getfixturevalue(request.param)
    page.context.add_init_script(script=FOCUS_PROBE)
    return page


def is_phone(page):
    return page.viewport_size["width"] < 992


def focused_matches(page, selector):
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def tab(page, key="Tab"):
    """Press Tab; the new focus stop must be on screen and look focused."""
    page.keyboard.press(key)
    report = page.evaluate("focusReport()")
    if not report["isBody"]:
        assert report["onScreen"], f"focus is off screen: {report['element']}"
        assert report["changed"], f"no visible focus indicator: {report['element']}"
    return report


def tab_to(page, selector, limit=80):
    """Tab (checking every stop on the way) until the focus is on selector."""
    for _ in range(limit):
        tab(page)
        if focused_matches(page, selector):
            return
    raise AssertionError(f"{selector} not reached in {limit} Tab presses")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def choose(page, name, label):
    """Pick a radio with the keyboard: Tab into the group, arrows to the answer."""
    target = page.get_by_label(label, exact=True).and_(page.locator(f'[name="{name}"]'))
    target_id = target.get_attribute("id")
    tab_to(page, f'input[name="{name}"]')
    for _ in range(10):
        if focused_matches(page, f"#{target_id}"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # checks the first radio; harmless on a checked one
    assert target.is_checked()


def tick(page, label):
    box = page.get_by_label(label, exact=True)
    tab_to(page, "#" + box.get_attribute("id"))
    page.keyboard.press("Space")
    assert box.is_checked()


def send(page, button_selector):
    tab_to(page, button_selector)
    press_and_load(page, "Enter")


def test_the_home_page_by_keyboard(page, live_site):
    page.goto(live_site + "/")

    report = tab(page)
    assert focused_matches(page, ".quick-exit"), report["element"]
    report = tab(page)
    assert focused_matches(page, ".skip-link"), report["element"]
    assert page.locator(".skip-link").inner_text() == "Direct naar de inhoud"

    stops = 2
    menu_opened = False
    for _ in range(150):
        report = tab(page)
        if report["isBody"] or focused_matches(page, ".quick-exit"):
            break  # round the whole page
        stops += 1
        if focused_matches(page, "summary") and not menu_opened:
            page.keyboard.press("Enter")
            assert page.locator("details.nav-disclosure").get_attribute("open") is not None
            menu_opened = True
    else:
        raise AssertionError("Tab never left the page: a focus trap?")
    # Header, menu, hero, guide cards, help cards, footer: all reached.
    assert stops > 20
    assert menu_opened == is_phone(page)
    assert page.problems == []


def test_the_skip_link_jumps_over_the_header(page, live_site):
    page.goto(live_site + "/wat-is-hechting/")
    tab(page)
    tab(page)
    assert focused_matches(page, ".skip-link")
    page.keyboard.press("Enter")
    assert focused_matches(page, "main#inhoud")
    tab(page)
    assert focused_matches(page, "main a, main button, main input")
    assert not focused_matches(page, "header *")


def test_the_assessment_form_by_keyboard(page, live_site, forms_accept_quick_robots):
    page.goto(live_site + "/onderzoek-aanvragen/")
    tab(page)
    assert focused_matches(page, ".quick-exit")

    # Going on without an answer: the summary takes the focus and shows it.
    send(page, 'button[value="verder"]')
    assert page.title().startswith("Fout: ")
    assert focused_matches(page, "[data-error-summary]")
    summary_outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert summary_outline == "solid"
    # Its link leads to the question; an arrow picks the answer.
    tab(page)
    assert focused_matches(page, ".error-summary a")
    page.keyboard.press("Enter")
    assert focused_matches(page, "#id_is_urgent_0")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_is_urgent_1").is_checked()
    send(page, 'button[value="verder"]')

    assert h1(page) == "Over uw kind"
    type_into(page, "#id_child_first_name", "Noor")
    type_into(page, "#id_child_birth_date_0", "14")
    type_into(page, "#id_child_birth_date_1", "3")
    type_into(page, "#id_child_birth_date_2", "2016")
    type_into(page, "#id_child_residence", "Helmond")
    send(page, 'button[value="verder"]')

    assert h1(page) == "Over u"
    type_into(page, "#id_contact_name", "Marieke Jansen")
    choose(page, "relation", "Ouder")
    choose(page, "authority", "Beide ouders samen")
    choose(page, "other_parent_informed", "Ja")
    send(page, 'button[value="verder"]')

    assert h1(page) == "Uw vraag"
    type_into(page, "#id_worries", "Zij raakt in paniek als ik wegga.")
    tick(page, "Huisarts")
    send(page, 'button[value="verder"]')

    assert h1(page) == "Hoe wij contact met u opnemen"
    type_into(page, "#id_phone", "06-12345678")
    choose(page, "preferred_channel", "Telefoon")
    choose(page, "voicemail_allowed", "Nee")
    choose(page, "may_name_organisation", "Ja")
    send(page, 'button[value="verder"]')

    assert h1(page) == "Controleer uw gegevens"
    tick(
        page,
        "Ik geef Bijzonder Jeugdwerk toestemming om deze gegevens te gebruiken voor mijn aanvraag.",
    )
    send(page, 'button[value="versturen"]')

    assert h1(page) == "Aanvraag ontvangen"
    assert page.problems == []
