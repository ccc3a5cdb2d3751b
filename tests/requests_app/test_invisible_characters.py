"""Direction overrides and other invisible formatting characters never reach staff: they
are removed from names and free text as a parent sends them, and from old rows in the
CSV, on a request's page and (by a data migration) in the database the queue reads."""

import csv
import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse

from requests_app.models import AssessmentRequest, CallbackRequest, InternalNote, Request
from requests_app.text import INVISIBLE_FORMATTING
from tests.factories import make_assessment_request, make_callback_request, make_intake_member
from tests.helpers.forms import send_assessment, send_callback
from tests.helpers.triage import change_url

pytestmark = pytest.mark.django_db

SPOOF = "Jan \u202eSPOED bel 112\u202c de Vries"
SPOOF_SEEN = "Jan SPOED bel 112 de Vries"
EVERY_CONTROL = "".join(chr(c) for c in sorted(INVISIBLE_FORMATTING))
# One of each kind the issue names, and the ones we judged (see requests_app/text.py).
NAMED = [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u061c",
    "\ufeff",
    "\u2060",
    "\u00ad",
    "\U000e0041",
]
ASSESSMENT_TEXT_FIELDS = [
    "contact_name",
    "child_first_name",
    "child_residence",
    "worries",
    "relation_other",
    "help_other",
]


@pytest.mark.parametrize("character", NAMED, ids=lambda c: f"U+{ord(c):04X}")
def test_each_invisible_character_is_removed_from_a_name(client, character):
    assert send_callback(client, contact_name=f"Jan{character}sen").status_code == 302
    assert CallbackRequest.objects.get().contact_name == "Jansen"


@pytest.mark.parametrize("field", ASSESSMENT_TEXT_FIELDS)
def test_every_text_field_of_the_assessment_is_stored_without_them(client, field):
    overrides = {field: f"{SPOOF} {EVERY_CONTROL}x"}
    if field == "relation_other":
        overrides["relation"] = "other"
    if field == "help_other":
        overrides["help_so_far"] = ["gp", "other"]
    assert send_assessment(client, **overrides).status_code == 302
    assert getattr(AssessmentRequest.objects.get(), field) == f"{SPOOF_SEEN} x"


def test_the_callback_note_keeps_its_line_breaks_and_loses_the_overrides(client):
    typed = "Graag\u2067 na 18 uur\u2069\r\nbellen \u202e3 keer\u202c"
    assert send_callback(client, note=typed).status_code == 302
    assert CallbackRequest.objects.get().note == "Graag na 18 uur\r\nbellen 3 keer"


def test_the_joiners_that_scripts_and_emoji_need_are_kept(client):
    persian = "می\u200cخواهم"  # the non-joiner is part of the spelling
    family = "👨\u200d👩\u200d👧"
    assert send_callback(client, contact_name=f"{persian} {family}").status_code == 302
    assert CallbackRequest.objects.get().contact_name == f"{persian} {family}"


def test_a_name_of_only_invisible_characters_is_not_a_name(client):
    response = send_callback(client, contact_name="\u202e\u200b\u2066")
    assert response.status_code == 200
    assert "Vul uw naam in." in response.text
    assert not Request.objects.exists()


def test_a_phone_number_with_an_override_inside_is_still_understood(client):
    assert send_callback(client, phone="06\u202e12345678").status_code == 302
    assert CallbackRequest.objects.get().phone == "+31612345678"


# -- old rows, stored before this change -------------------------------------------


@pytest.fixture
def old_rows(db):
    return {
        "assessment": make_assessment_request(
            contact_name=SPOOF,
            child_first_name="No\u200bor",
            worries="Zij \u2066slaapt\u2069 slecht.\nEn \u202eeet\u202c niet.",
        ),
        "callback": make_callback_request(contact_name="\u202e=1+1", note="Bel \u200fmij\u200e"),
        "hidden": make_callback_request(contact_name="Fatima Jan\u200bsen"),
    }


@pytest.fixture
def staff(client):
    user = make_intake_member()
    for codename in ("export_request", "export_request_worries", "family_data"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    return client


def export_rows(client):
    response = client.post(reverse("admin:requests_app_request_export"))
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return {row[0]: dict(zip(table[0], row, strict=True)) for row in table[1:]}


def test_the_export_neutralises_old_rows(staff, old_rows):
    rows = export_rows(staff)
    assessment = rows[old_rows["assessment"].reference]
    assert assessment["naam"] == SPOOF_SEEN
    assert assessment["zorgen of toelichting"] == "Zij slaapt slecht.\nEn eet niet."
    body = staff.post(reverse("admin:requests_app_request_export")).content.decode("utf-8-sig")
    assert not set(body) & {chr(c) for c in INVISIBLE_FORMATTING}


def test_a_formula_behind_an_override_is_still_defused_in_the_export(staff, old_rows):
    callback = export_rows(staff)[old_rows["callback"].reference]
    assert callback["naam"] == "'=1+1"
    assert callback["zorgen of toelichting"] == "Bel mij"


def test_the_request_page_shows_old_rows_without_them(staff, old_rows):
    page = staff.get(change_url(old_rows["assessment"])).text
    assert SPOOF_SEEN in page and "Noor" in page
    assert "\u202e" not in page and "\u200b" not in page and "\u2066" not in page


def test_the_family_pages_show_old_rows_without_them(staff, old_rows):
    from requests_app.models import IdentityCheck

    request = old_rows["assessment"]
    ticked = {
        "email": request.email,
        "requests": [request.pk],
        "identity_check": IdentityCheck.CALLED_BACK,
    }
    listed = staff.post(reverse("admin:requests_app_request_family"), {"email": request.email})
    shown = staff.post(reverse("admin:requests_app_request_family"), {**ticked, "actie": "tonen"})
    erase = staff.post(reverse("admin:requests_app_request_family_erase"), ticked)
    for page in (listed.text, shown.text, erase.text):
        assert SPOOF_SEEN in page
        assert not set(page) & {chr(c) for c in INVISIBLE_FORMATTING}


def test_a_note_staff_paste_is_stored_without_them(staff, old_rows):
    request = old_rows["callback"]
    staff.post(
        change_url(request),
        {
            "status": request.status,
            "priority": request.priority,
            "assigned_to": "",
            "new_note": "Moeder \u202eniet\u202c bereikt",
        },
    )
    assert InternalNote.objects.get(request_id=request.pk).text == "Moeder niet bereikt"


def test_a_call_note_staff_paste_is_stored_without_them(staff, old_rows):
    from requests_app.models import CallAttempt
    from tests.helpers.calls import post_attempt

    post_attempt(staff, old_rows["callback"], "no_answer", note="Zus \u202enam op\u202c")
    assert CallAttempt.objects.get().note == "Zus nam op"


def test_the_data_migration_cleans_old_rows_so_the_queue_finds_them(staff, old_rows):
    from tests.factories import make_call_attempt, make_note

    note = make_note(old_rows["callback"], text="Terug\u200bbellen")
    attempt = make_call_attempt(old_rows["callback"], note="Na \u2066vier\u2069 uur")
    migration = importlib.import_module("requests_app.migrations.0007_remove_invisible_formatting")
    migration.remove_invisible_formatting(apps, None)

    assessment = AssessmentRequest.objects.get(pk=old_rows["assessment"].pk)
    assert assessment.contact_name == SPOOF_SEEN
    assert assessment.child_first_name == "Noor"
    assert assessment.worries == "Zij slaapt slecht.\nEn eet niet."
    assert CallbackRequest.objects.get(pk=old_rows["callback"].pk).note == "Bel mij"
    assert InternalNote.objects.get(pk=note.pk).text == "Terugbellen"
    attempt.refresh_from_db()
    assert attempt.note == "Na vier uur"
    found = staff.get(reverse("admin:requests_app_request_changelist"), {"q": "Jansen"})
    assert [r.pk for r in found.context["cl"].result_list] == [old_rows["hidden"].pk]
