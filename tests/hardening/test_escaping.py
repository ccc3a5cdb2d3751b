"""Whatever a parent typed stays text wherever it is shown: on the parent's own review
and confirmation pages, in the staff queue and detail page, the family (AVG) page and
its download, the CSV export (no formulas either) and the e-mails.

The requests here are sent through the real forms, so they hold exactly what a parent
can store; each field carries its own markup, so a leak names the field.
"""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from requests_app.admin.export import FORMULA_START, csv_safe
from requests_app.models import AssessmentRequest, CallbackRequest, NotifyState, Request
from tests.factories import make_intake_member
from tests.helpers.forms import (
    ASSESSMENT_URL,
    assessment_data,
    post_step,
    send_assessment,
    send_callback,
)

pytestmark = pytest.mark.django_db


def markup(tag: str) -> str:
    """Markup that would run, or break out of an attribute, if it were not escaped."""
    return f"<script>alert('{tag}')</script>\"'><img src=x onerror=alert('{tag}')>&amp;"


RAW_FRAGMENTS = ["<script>alert(", "<img src=x", "onerror=alert('"]

EMAIL = '"<b>ouder</b>"@example.org'  # a quoted local part: valid, and markup
ASSESSMENT_TYPED = {
    "child_first_name": markup("kind"),
    "child_residence": markup("plaats"),
    "contact_name": markup("naam"),
    "relation_other": markup("relatie"),
    "worries": f"{markup('zorgen1')}\n\n{markup('zorgen2')}",
    "help_other": markup("hulp"),
    "email": EMAIL,
}
CALLBACK_TYPED = {
    "contact_name": markup("belnaam"),
    "note": f"{markup('notitie1')}\r\n{markup('notitie2')}",
    "email": EMAIL,
}


def lines_of(text):
    return [line for line in re.split(r"\r?\n", text) if line]


def assert_shown_as_text(html, typed: dict):
    """Each typed value is in the page, escaped (line by line: line breaks may become
    <br>), and no markup of it is in the page as markup."""
    for fragment in RAW_FRAGMENTS:
        assert fragment not in html, fragment
    for name, text in typed.items():
        for line in lines_of(text):
            assert escape(line) in html, name


def assert_nothing_typed_in(text, typed: dict):
    for name, value in typed.items():
        for line in lines_of(value):
            assert line not in text, name
            assert escape(line) not in text, name


@pytest.fixture
def stored(client, settings, site_content):
    """One assessment and one callback request from the same family (same e-mail)."""
    settings.REQUEST_RATE_LIMIT = "100/h"
    first = send_assessment(
        client,
        **ASSESSMENT_TYPED,
        relation="other",
        help_so_far=["gp", "other"],
    )
    second = send_callback(client, **CALLBACK_TYPED)
    assert first.status_code == second.status_code == 302
    return {
        "assessment": AssessmentRequest.objects.get(),
        "callback": CallbackRequest.objects.get(),
        "links": [first["Location"], second["Location"]],
    }


@pytest.fixture
def staff(db):
    user = make_intake_member(first_name="Sanne", last_name="de Vries")
    for codename in ("export_request", "export_request_worries", "family_data"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client


def test_the_forms_stored_what_was_typed_as_it_was_typed(stored):
    for name, text in ASSESSMENT_TYPED.items():
        assert getattr(stored["assessment"], name) == text
    for name, text in CALLBACK_TYPED.items():
        assert getattr(stored["callback"], name) == text


# ---------------------------------------------------------------------------
# The parent's own pages
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("step", ["gevaar", "kind", "u", "vraag", "contact"])
def test_every_step_carries_what_was_typed_as_text(client, site_content, step):
    # Each page carries the other pages' answers in hidden inputs: the place where a
    # quote could break out of an attribute.
    data = assessment_data(**ASSESSMENT_TYPED, relation="other", help_so_far=["gp", "other"])
    data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
    data["actie"] = f"wijzig:{step}"
    response = client.post(ASSESSMENT_URL, data)
    assert response.status_code == 200
    assert f'name="stap" value="{step}"' in response.content.decode()
    assert_shown_as_text(response.content.decode(), ASSESSMENT_TYPED)


def test_the_review_page_shows_every_answer_as_text(client, site_content):
    data = assessment_data(**ASSESSMENT_TYPED, relation="other", help_so_far=["gp", "other"])
    response = post_step(client, "contact", data, done="gevaar,kind,u,vraag")
    html = response.content.decode()
    assert "Controleer uw gegevens" in html
    assert_shown_as_text(html, ASSESSMENT_TYPED)


def test_the_review_page_with_an_error_still_shows_everything_as_text(client, site_content):
    data = assessment_data(
        **ASSESSMENT_TYPED,
        relation="other",
        help_so_far=["gp", "other"],
        consent=None,
    )
    data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
    data["actie"] = "versturen"
    response = client.post(ASSESSMENT_URL, data)
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), ASSESSMENT_TYPED)


def test_the_callback_form_shows_everything_as_text_when_sent_back(client, site_content):
    response = send_callback(client, **CALLBACK_TYPED, consent=None)
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), CALLBACK_TYPED)


def test_the_confirmation_pages_show_the_reference_and_nothing_typed(client, stored):
    for link, req, typed in zip(
        stored["links"],
        (stored["assessment"], stored["callback"]),
        (ASSESSMENT_TYPED, CALLBACK_TYPED),
        strict=True,
    ):
        html = client.get(link).content.decode()
        assert req.reference in html
        assert_nothing_typed_in(html, typed)


# ---------------------------------------------------------------------------
# The staff's pages
# ---------------------------------------------------------------------------
def queue_url(query=""):
    return reverse("admin:requests_app_request_changelist") + query


def test_the_queue_shows_names_as_text(staff, stored):
    html = staff.get(queue_url()).content.decode()
    assert_shown_as_text(html, {"a": ASSESSMENT_TYPED["contact_name"]})
    assert_shown_as_text(html, {"c": CALLBACK_TYPED["contact_name"]})


def test_searching_the_queue_for_pasted_markup_shows_it_as_text(staff, stored):
    name = CALLBACK_TYPED["contact_name"]
    response = staff.get(queue_url("?" + "q=" + re.sub(r"[&#]", "", name)))
    assert response.status_code == 200
    for fragment in RAW_FRAGMENTS:
        assert fragment not in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "typed"), [("assessment", ASSESSMENT_TYPED), ("callback", CALLBACK_TYPED)]
)
def test_the_detail_page_shows_every_answer_as_text(staff, stored, kind, typed):
    url = reverse("admin:requests_app_request_change", args=[stored[kind].pk])
    response = staff.get(url)
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


def test_an_internal_note_with_markup_is_shown_as_text(staff, stored):
    url = reverse("admin:requests_app_request_change", args=[stored["callback"].pk])
    note = f"Ouder schreef:\n{markup('notitie-medewerker')}"
    staff.post(url, {"status": "new", "priority": 20, "new_note": note, "_continue": "1"})
    assert_shown_as_text(staff.get(url).content.decode(), {"note": note})


def test_the_family_page_and_its_download_show_every_answer_as_text(staff, stored):
    family_url = reverse("admin:requests_app_request_family")
    both = {**ASSESSMENT_TYPED, **{f"tb_{k}": v for k, v in CALLBACK_TYPED.items()}}

    page = staff.post(family_url, {"email": EMAIL})
    assert stored["assessment"].reference in page.content.decode()
    assert stored["callback"].reference in page.content.decode()
    assert_shown_as_text(page.content.decode(), both)

    # The download is opened from disk later, without this site's CSP to fall back on.
    download = staff.post(family_url, {"email": EMAIL, "download": "1"})
    assert download["Content-Disposition"].startswith("attachment;")
    assert_shown_as_text(download.content.decode(), both)


def export_table(staff):
    response = staff.post(reverse("admin:requests_app_request_export"))
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, rows = table[0], table[1:]
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_export_holds_the_typed_text_exactly_as_data(staff, stored):
    rows = {row["referentie"]: row for row in export_table(staff)}
    assessment = rows[stored["assessment"].reference]
    callback = rows[stored["callback"].reference]
    assert assessment["naam"] == ASSESSMENT_TYPED["contact_name"]
    assert assessment["e-mail"] == EMAIL
    assert assessment["zorgen of toelichting"] == ASSESSMENT_TYPED["worries"]
    assert callback["naam"] == CALLBACK_TYPED["contact_name"]
    assert callback["zorgen of toelichting"] == CALLBACK_TYPED["note"]


@pytest.mark.parametrize(
    ("field", "typed", "column"),
    [
        ("contact_name", '=HYPERLINK("http://kwaad.example";"Klik")', "naam"),
        ("contact_name", "@SUM(1+1)*cmd|' /C calc'!A0", "naam"),
        ("email", "=1+1@example.org", "e-mail"),
        ("email", "+31@example.org", "e-mail"),
        ("email", "-2+3@example.org", "e-mail"),
        ("note", "+31 6 1234 5678 na 18 uur", "zorgen of toelichting"),
        ("note", "-- bel alstublieft --", "zorgen of toelichting"),
        ("note", "=cmd|' /C calc'!A0\n=1+1", "zorgen of toelichting"),
    ],
)
def test_what_a_parent_typed_never_runs_as_a_formula_in_the_export(
    client, staff, site_content, field, typed, column
):
    assert send_callback(client, **{field: typed}).status_code == 302
    (row,) = export_table(staff)
    assert row[column] == "'" + typed
    assert not row[column].startswith(FORMULA_START)


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_cell_is_either_the_text_itself_or_the_text_defused(text):
    cell = csv_safe(text)
    assert not cell.startswith(FORMULA_START)
    assert cell in (text, "'" + text)
    assert (cell == text) == (not text.startswith(FORMULA_START))


# ---------------------------------------------------------------------------
# E-mails
# ---------------------------------------------------------------------------
def test_no_mail_carries_anything_a_parent_typed(
    client, settings, site_content, django_capture_on_commit_callbacks
):
    settings.REQUEST_RATE_LIMIT = "100/h"
    email = "ouder@example.org"  # the parent's address is where their mail goes, only
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(
            client,
            **{**ASSESSMENT_TYPED, "email": email},
            relation="other",
            help_so_far=["gp", "other"],
        )
        send_callback(client, **{**CALLBACK_TYPED, "email": email})
    assert len(mail.outbox) == 4
    typed = {**ASSESSMENT_TYPED, **CALLBACK_TYPED}
    typed.pop("email")
    for message in mail.outbox:
        whole = message.message().as_string()
        assert_nothing_typed_in(whole, typed)
        assert "<" not in message.subject
        if message.to != [email]:
            assert email not in whole


def test_a_quoted_address_with_markup_gets_its_mail_without_it_spilling_elsewhere(
    client, site_content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_callback(client, email=EMAIL)
    parent = [m for m in mail.outbox if m.to == [EMAIL]]
    assert len(parent) == 1
    body = parent[0].body
    assert "<b>" not in body and "ouder</b>" not in body
    assert Request.objects.get().notify_state == NotifyState.SENT
