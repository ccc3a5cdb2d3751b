"""The seed content: the starting pages and the signs list that ``load_content`` loads.

``hechtingsstoornis.txt`` is the organisation's page as it was handed over. The guide
rewrites it in plain Dutch (B1) with its meaning and facts kept (tests/content/test_seed.py
lists them) and adds what parents ask next. By group of pages:

- ``guide.py``: the home page and the guide pages made from the organisation's text;
- ``guidance.py``: new guidance (normal behaviour, what you can do, when to ask for help,
  the conversation card, referral and costs, a page for young people);
- ``info.py``: contact, privacy and accessibility;
- ``signs.py``: the nine signs (the signs page and the assessment form's checkboxes);
- ``previous.py``: fingerprints of earlier seeds, so that an existing site gets the new
  text proposed only on pages nobody changed.

Text that is new is marked "concept, laten controleren" in the admin-only editor note.
"""

from .guidance import guidance_pages
from .guide import guide_pages
from .info import info_pages
from .signs import SIGNS

# Each seed page's address, by seed key: pages link to each other through these.
SLUGS = {
    "home": "home",
    "wat-is-hechting": "wat-is-hechting",
    "oorzaken": "oorzaken-onveilige-hechting",
    "gevolgen": "gevolgen-van-hechtingsproblemen",
    "kenmerken": "kenmerken-en-symptomen",
    "normaal": "wat-is-normaal-voor-de-leeftijd",
    "zelf-doen": "wat-kunt-u-zelf-doen",
    "hulp-vragen": "wanneer-hulp-vragen",
    "gesprekskaart": "gesprekskaart",
    "verwijzing": "verwijzing-kosten-en-wachttijd",
    "diagnose": "psychologisch-onderzoek",
    "behandeling": "behandeling-nika-interventie",
    "jongeren": "voor-jongeren",
    "contact": "contact",
    "privacyverklaring": "privacyverklaring",
    "toegankelijkheidsverklaring": "toegankelijkheidsverklaring",
}


def pages(urls):
    """Every seed page; ``urls`` maps seed keys and "assessment"/"callback" to paths."""
    return [
        *guide_pages(urls, SLUGS),
        *guidance_pages(urls, SLUGS),
        *info_pages(urls, SLUGS),
    ]


__all__ = ["SIGNS", "SLUGS", "pages"]
