"""Our Dutch catalog (locale/nl) for strings Django's admin and django-axes leave in English:
the compiled django.mo that Django reads says what django.po says (a forgotten
compilemessages would show staff the English again)."""

import gettext
import re

from django.conf import settings

CATALOG = settings.BASE_DIR / "locale" / "nl" / "LC_MESSAGES"


def test_the_compiled_catalog_matches_its_source():
    source = (CATALOG / "django.po").read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', source, flags=re.M)
    assert len(pairs) >= 30
    with (CATALOG / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert {msgid: compiled.gettext(msgid) for msgid, _ in pairs} == dict(pairs)
    assert all(msgstr for _, msgstr in pairs)
