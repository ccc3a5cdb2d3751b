"""AVG duties for a family: find the requests by e-mail address, phone number or reference,
tick the ones that belong to the person asking (names shown, so another family that shares
a phone number is told apart), record how identity was checked, and show, download or
erase the ticked ones only. Everything is logged without personal data."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from requests_app.models import (
    AccessAction,
    AccessLogEntry,
    IdentityCheck,
    InternalNote,
    PurgeLogEntry,
    Request,
    RequestEvent,
)
from tests.factories import make_assessment_request, make_callback_request, make_note
from tests.helpers.triage import change_url

FAMILY = reverse("admin:requests_app_request_family")
ERASE = reverse("admin:requests_app_request_family_erase")
SHARED_PHONE = "+31611111111"


@pytest.fixture
def officer(client, intake):
    intake.user_permissions.add(Permission.objects.get(codename="family_data"))
    client.force_login(intake)
    return client


@pytest.fixture
def family(db, intake):
    """The Bakker family (two requests), and a youth worker who used the same phone
    number for the De Wit family; and a stranger."""
    a = make_assessment_request(
        email="gezin@example.org",
        phone=SHARED_PHONE,
        contact_name="Ilse <b>Bakker</b>",
        child_first_name="Noor",
        worries="Hij <script>alert(1)</script> slaapt slecht.",
    )
    b = make_callback_request(
        email="", phone=SHARED_PHONE, contact_name="Ilse Bakker", note="Graag 's middags"
    )
    make_note(a, author=intake, text="Moeder gesproken, intake volgt.")
    other_family = make_assessment_request(
        email="kees@jeugdzorg.example",
        phone=SHARED_PHONE,
        contact_name="Kees Jeugdwerker",
        child_first_name="Daan",
        worries="Daan eet niet meer.",
    )
    stranger = make_callback_request(email="ander@example.org", phone="+31699999999")
    return {"a": a, "b": b, "other_family": other_family, "stranger": stranger}


def ticked(*requests, check=IdentityCheck.CALLED_BACK, note="", **more):
    return {
        "phone": "06-11111111",
        "requests": [r.pk for r in requests],
        "identity_check": check,
        "identity_note": note,
        **more,
    }


def test_the_family_page_needs_the_family_data_permission(intake_client):
    assert intake_client.get(FAMILY).status_code == 403
    assert intake_client.post(FAMILY, {"email": "x@example.org"}).status_code == 403
    assert intake_client.post(ERASE, {"email": "x@example.org"}).status_code == 403


def test_a_lookup_lists_each_match_with_names_to_tick_and_shows_nothing_else(officer, family):
    response = officer.post(FAMILY, {"phone": "06-11111111"})
    assert response.status_code == 200
    rows = {c.request.pk: c for c in response.context["candidates"]}
    assert set(rows) == {family["a"].pk, family["b"].pk, family["other_family"].pk}
    assert (rows[family["a"].pk].parent_name, rows[family["a"].pk].child_name) == (
        "Ilse <b>Bakker</b>",
        "Noor",
    )
    assert rows[family["other_family"].pk].child_name == "Daan"
    assert rows[family["a"].pk].matched_by == ["telefoonnummer"]
    text = response.text
    for shown in ("Noor", "Daan", "Kees Jeugdwerker", family["a"].reference, "Onderzoek aanvragen"):
        assert shown in text
    assert not any(c.checked for c in rows.values())  # nothing ticked for staff
    # What the parents wrote is not on screen before anything is ticked.
    assert "slaapt slecht" not in text and "Daan eet niet meer" not in text
    assert "Moeder gesproken" not in text
    assert family["stranger"].reference not in text


def test_the_list_is_logged_as_shown_and_the_lookup_as_a_digest(officer, family, intake):
    officer.post(FAMILY, {"phone": "06-11111111"})
    listed = AccessLogEntry.objects.filter(action=AccessAction.LISTED, user=intake)
    assert set(listed.values_list("reference", flat=True)) == {
        family["a"].reference,
        family["b"].reference,
        family["other_family"].reference,
    }
    assert not AccessLogEntry.objects.filter(action=AccessAction.FAMILY_EXPORT).exists()
    (search,) = AccessLogEntry.objects.filter(action=AccessAction.SEARCH)
    assert search.detail.startswith("AVG-zoeklijst: zoekterm #") and "3 resultaten" in search.detail
    assert "11111111" not in search.detail


def test_a_reference_finds_its_request(officer, family):
    response = officer.post(FAMILY, {"reference": family["b"].reference.lower()})
    assert [c.request.pk for c in response.context["candidates"]] == [family["b"].pk]
    assert response.context["candidates"][0].matched_by == ["referentie"]


def test_showing_the_ticked_requests_shows_those_and_logs_how_identity_was_checked(
    officer, family, intake
):
    a, b = family["a"], family["b"]
    response = officer.post(
        FAMILY, ticked(a, b, note="vragen over de aanvraag goed beantwoord", actie="tonen")
    )
    assert response.status_code == 200
    text = response.text
    assert [item["request"].pk for item in response.context["dossier"]] == [a.pk, b.pk]
    assert "Moeder gesproken, intake volgt." in text
    assert "Graag &#x27;s middags" in text
    assert "Daan eet niet meer" not in text
    logged = AccessLogEntry.objects.filter(action=AccessAction.FAMILY_EXPORT, user=intake)
    assert sorted(logged.values_list("reference", flat=True)) == sorted([a.reference, b.reference])
    assert set(logged.values_list("detail", flat=True)) == {
        "inzage gezin (AVG); identiteit: called_back; vragen over de aanvraag goed beantwoord"
    }


def test_nothing_is_shown_without_a_tick_or_an_identity_check(officer, family):
    nothing = officer.post(FAMILY, ticked(actie="tonen"))
    assert "Vink de aanvragen aan die bij de vrager horen." in nothing.text
    no_check = officer.post(FAMILY, ticked(family["a"], check="", actie="tonen"))
    assert "Kies hoe u hebt gecontroleerd wie de vrager is." in no_check.text
    other = officer.post(FAMILY, ticked(family["a"], check=IdentityCheck.OTHER, actie="tonen"))
    assert "Schrijf kort hoe u het hebt gecontroleerd." in other.text
    for response in (nothing, no_check, other):
        assert response.context["dossier"] is None
        assert "slaapt slecht" not in response.text
    assert not AccessLogEntry.objects.filter(action=AccessAction.FAMILY_EXPORT).exists()


@pytest.mark.parametrize("note", ["paspoort NL1234567", "mail van ilse@example.org"])
def test_the_identity_note_refuses_numbers_and_addresses(officer, family, note):
    response = officer.post(FAMILY, ticked(family["a"], note=note, actie="tonen"))
    assert "Schrijf hier geen nummers of e-mailadressen" in response.text
    assert not AccessLogEntry.objects.filter(action=AccessAction.FAMILY_EXPORT).exists()


def test_a_request_of_another_search_cannot_be_slipped_in(officer, family):
    response = officer.post(FAMILY, ticked(family["a"], family["stranger"], actie="tonen"))
    assert "Er is intussen iets veranderd" in response.text
    assert response.context["dossier"] is None
    assert not AccessLogEntry.objects.filter(action=AccessAction.FAMILY_EXPORT).exists()


def test_the_download_holds_the_ticked_requests_only(officer, family):
    response = officer.post(FAMILY, ticked(family["a"], actie="downloaden"))
    assert response["Content-Disposition"].startswith('attachment; filename="inzage-')
    text = response.content.decode()
    assert "Inzage in uw gegevens" in text and family["a"].reference in text
    assert family["b"].reference not in text and "Daan" not in text


def test_everything_typed_is_escaped_in_the_family_page(officer, family):
    text = officer.post(FAMILY, ticked(family["a"], actie="tonen")).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Ilse &lt;b&gt;Bakker&lt;/b&gt;" in text


def test_the_lookup_asks_for_something_to_search_in_dutch(officer):
    response = officer.post(FAMILY, {"email": "", "phone": ""})
    assert "Vul een e-mailadres, een telefoonnummer of een referentie in." in response.text
    response = officer.post(FAMILY, {"phone": "bel me"})
    assert "Dit is geen geldig telefoonnummer." in response.text


def test_the_lookup_keeps_contact_data_out_of_the_url(officer, family):
    page = officer.get(change_url(family["a"]))
    link = f"{FAMILY}?aanvraag={family['a'].pk}"
    assert link in page.text
    prefilled = officer.get(link)
    assert prefilled.context["form"].initial == {
        "email": "gezin@example.org",
        "phone": "06 11111111",
    }


def test_prefilling_the_lookup_from_a_request_is_logged_as_a_view(officer, family, intake):
    source = family["a"]
    officer.get(f"{FAMILY}?aanvraag={source.pk}")
    entry = AccessLogEntry.objects.get(request_id_value=source.pk, action=AccessAction.VIEW)
    assert (entry.user, entry.action, entry.reference) == (
        intake,
        AccessAction.VIEW,
        source.reference,
    )
    assert entry.detail == "contactgegevens voor inzage gezin"
    # The family's other request is not on screen yet: no line for it.
    assert not AccessLogEntry.objects.filter(request_id_value=family["b"].pk).exists()


# -- erasure --------------------------------------------------------------------------


def test_the_erase_confirmation_names_what_will_go(officer, family):
    response = officer.post(ERASE, ticked(family["a"], family["b"]))
    assert response.status_code == 200
    text = response.text
    assert "Dit kan niet ongedaan worden gemaakt" in text
    going = [c.request.pk for c, _notes, _events in response.context["going"]]
    assert going == [family["a"].pk, family["b"].pk]
    for shown in (family["a"].reference, family["b"].reference, "Noor", "Ilse Bakker"):
        assert shown in text
    assert "Ja, deze 2 aanvragen wissen" in text
    (a_row,) = [row for row in response.context["going"] if row[0].request.pk == family["a"].pk]
    assert a_row[1] == 1  # one internal note
    assert "Teruggebeld op het telefoonnummer uit de aanvraag" in text
    assert family["other_family"].reference not in text and "Daan" not in text
    assert Request.objects.count() == 4


def test_erasure_without_the_tick_erases_nothing(officer, family):
    response = officer.post(ERASE, ticked(family["a"], stap="bevestigen"))
    assert "Vink aan dat u weet dat wissen niet terug te draaien is." in response.text
    assert Request.objects.count() == 4


def test_erasure_asks_which_requests_and_how_identity_was_checked(officer, family):
    response = officer.post(ERASE, ticked(check=""))
    assert "Vink de aanvragen aan die bij de vrager horen." in response.text
    assert "Kies hoe u hebt gecontroleerd wie de vrager is." in response.text
    assert Request.objects.count() == 4


def test_confirmed_erasure_removes_the_ticked_requests_only_and_logs_how(officer, family, intake):
    a, b = family["a"], family["b"]
    response = officer.post(
        ERASE,
        ticked(a, b, check=IdentityCheck.ID_IN_PERSON, stap="bevestigen", confirm="1"),
        follow=True,
    )
    assert response.status_code == 200
    assert set(Request.objects.values_list("pk", flat=True)) == {
        family["other_family"].pk,
        family["stranger"].pk,
    }
    assert not InternalNote.objects.filter(request_id__in=[a.pk, b.pk]).exists()
    assert not RequestEvent.objects.filter(request_id__in=[a.pk, b.pk]).exists()
    purge = PurgeLogEntry.objects.filter(reason=PurgeLogEntry.Reason.ERASURE)
    assert sorted(purge.values_list("reference", flat=True)) == sorted([a.reference, b.reference])
    assert set(purge.values_list("performed_by", "identity_check")) == {
        (intake.username, IdentityCheck.ID_IN_PERSON)
    }
    erased = AccessLogEntry.objects.filter(action=AccessAction.ERASE, user=intake)
    assert sorted(erased.values_list("reference", flat=True)) == sorted([a.reference, b.reference])
    assert set(erased.values_list("detail", flat=True)) == {
        "gewist op verzoek (AVG); identiteit: id_in_person"
    }
    assert "2 aanvragen gewist" in response.text


def test_erasure_stops_when_a_ticked_request_is_gone_between_the_two_steps(officer, family):
    data = ticked(family["a"], family["b"], stap="bevestigen", confirm="1")
    Request.objects.filter(pk=family["b"].pk).delete()  # a colleague erased it meanwhile
    response = officer.post(ERASE, data)
    assert response.status_code == 200
    assert "Er is intussen iets veranderd" in response.text
    assert Request.objects.filter(pk=family["a"].pk).exists()
    assert not PurgeLogEntry.objects.exists()


def test_erasure_of_another_familys_request_by_a_forged_form_is_refused(officer, family):
    data = ticked(family["stranger"], stap="bevestigen", confirm="1")
    officer.post(ERASE, data)
    assert Request.objects.filter(pk=family["stranger"].pk).exists()
    assert not PurgeLogEntry.objects.exists()
