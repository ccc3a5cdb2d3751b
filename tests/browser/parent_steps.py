"""What a parent does in the browser, one step at a time.

Shared by the journey, keyboard and accessibility tests and by screenshots.py (which runs as a
plain script, so this module imports nothing from the test package).
"""

import re

CHILD_NAME = "Noor"
WORRIES = (
    "Noor raakt in paniek als ik wegga, ook als ik even naar de buren ga. "
    "Op school trekt zij zich terug."
)


def click_and_load(locator):
    """Click a link or button and wait for the page it leads to."""
    locator.click()
    locator.page.wait_for_load_state()


def press_and_load(page, key="Enter"):
    """Press a key on the focused link or button and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state()


def group(page, question):
    """A fieldset (radio or checkbox group) by its legend; a regex allows "(optioneel)"."""
    if isinstance(question, str):
        question = re.compile("^" + re.escape(question))
    return page.get_by_role("group", name=question)


def continue_(page, on_step=None):
    click_and_load(page.get_by_role("button", name="Doorgaan"))
    if on_step:
        on_step(page)


def h1(page):
    return page.get_by_role("heading", level=1).inner_text()


def fill_assessment_until_review(page, *, child=CHILD_NAME, on_step=None):
    """Answer every step of "Onderzoek aanvragen", optional questions too; end on the review.

    on_step(page), when given, is called on each page of the form as it opens (the review
    included), before anything is filled in."""
    if on_step:
        on_step(page)
    assert h1(page) == "Eerst een belangrijke vraag"
    group(page, "Is er nu direct gevaar").get_by_label("Nee").check()
    continue_(page, on_step)

    assert h1(page) == "Over uw kind"
    page.get_by_label("Voornaam van uw kind").fill(child)
    page.get_by_label("Dag").fill("14")
    page.get_by_label("Maand").fill("3")
    page.get_by_label("Jaar").fill("2016")
    page.get_by_label("Woonplaats van uw kind").fill("Helmond")
    continue_(page, on_step)

    assert h1(page) == "Over u"
    page.get_by_label("Uw naam").fill("Marieke Jansen")
    group(page, "Wat bent u van het kind?").get_by_label("Ouder", exact=True).check()
    group(page, "Wie heeft het gezag over uw kind?").get_by_label("Beide ouders samen").check()
    group(page, "Weet de andere ouder met gezag van deze aanvraag?").get_by_label("Ja").check()
    continue_(page, on_step)

    assert h1(page) == "Uw vraag"
    page.get_by_label("Waarover maakt u zich zorgen?").fill(WORRIES)
    signs = group(page, "Welke signalen herkent u bij uw kind?").get_by_role("checkbox")
    signs.nth(0).check()
    signs.nth(2).check()
    help_so_far = group(page, "Welke hulp is er al geweest?")
    help_so_far.get_by_label("Huisarts").check()
    help_so_far.get_by_label("Anders").check()
    page.get_by_label(re.compile("^Andere hulp, namelijk")).fill("De jeugdarts")
    continue_(page, on_step)

    assert h1(page) == "Hoe wij contact met u opnemen"
    page.get_by_label("Telefoonnummer").fill("06-12345678")
    page.get_by_label("E-mailadres").fill("marieke@example.org")
    group(page, "Hoe wilt u dat wij contact met u opnemen?").get_by_label("Telefoon").check()
    group(page, "Wanneer kunnen wij u het best bellen?").get_by_role("checkbox").first.check()
    group(page, "Mogen wij een bericht inspreken").get_by_label("Nee").check()
    group(page, "Mogen wij zeggen dat wij van Bijzonder Jeugdwerk zijn?").get_by_label("Ja").check()
    continue_(page, on_step)
    assert h1(page) == "Controleer uw gegevens"


def give_consent(page):
    page.get_by_label(re.compile("^Ik geef Bijzonder Jeugdwerk toestemming")).check()


def fill_callback(page):
    """Fill "Bel mij terug" completely; the caller sends it."""
    page.get_by_label("Uw naam").fill("Marieke Jansen")
    page.get_by_label("Telefoonnummer").fill("+31 6 1234 5678")
    group(page, "Mogen wij een bericht inspreken").get_by_label("Ja").check()
    group(page, "Op welke dag kunnen wij u bellen?").get_by_role("radio").first.check()
    group(page, "Welk dagdeel?").get_by_role("radio").last.check()
    group(page, "Waarover wilt u praten?").get_by_label("De NIKA-interventie").check()
    page.get_by_label(re.compile("^Wilt u er iets over vertellen?")).fill(
        "Wij willen weten of de NIKA-interventie bij ons past."
    )
    page.get_by_label(re.compile("^E-mailadres")).fill("marieke@example.org")
    give_consent(page)
