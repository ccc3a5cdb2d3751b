"""AVG duties for a family: see everything about one e-mail address or phone number
(right of access) and erase it (right to erasure), both logged."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from requests_app.models import (
    AccessAction,
    AccessLogEntry,
    InternalNote,
    PurgeLogEntry,
    Request,
    RequestEvent,
)
from tests.factories import make_assessment_request, make_callback_request, make_note
from tests.helpers.triage import change_url

FAMILY = reverse("admin:requests_app_request_family")
ERASE = reverse("admin:requests_app_request_family_erase")


@pytest.fixture
def officer(client, intake):
    intake.user_permissions.add(Permission.objects.get(codename="family_data"))
    client.force_login(intake)
    return client


@pytest.fixture
def family(db, intake):
    a = make_assessment_request(
        email="gezin@example.org",
        phone="+31611111111",
        contact_name="Ilse <b>Bakker</b>",
        worries="Hij <script>alert(1)</script> slaapt slecht.",
    )
    b = make_callback_request(email="", phone="+31611111111", note="Graag 's middags")
    make_note(a, author=intake, text="Moeder gesproken, intake volgt.")
    stranger = make_callback_request(email="ander@example.org", phone="+31699999999")
    return {"a": a, "b": b, "stranger": stranger}


def test_the_family_page_needs_the_family_data_permission(intake_client):
    assert intake_client.get(FAMILY).status_code == 403
    assert intake_client.post(FAMILY, {"email": "x@example.org"}).status_code == 403
    assert intake_client.post(ERASE, {"email": "x@example.org"}).status_code == 403


def test_a_phone_number_finds_every_request_with_notes_history_and_log(officer, family):
    officer.get(change_url(family["a"]))  # someone looked at it before
    response = officer.post(FAMILY, {"phone": "06-11111111"})
    assert response.status_code == 200
    text = response.text
    assert family["a"].reference in text and family["b"].reference in text
    assert family["stranger"].reference not in text
    assert "Moeder gesproken, intake volgt." in text
    assert "Graag &#x27;s middags" in text
    assert "Interne notitie" in text  # the history
    assert "Bekeken" in text  # the access log


def test_an_email_address_finds_the_family_regardless_of_case(officer, family):
    response = officer.post(FAMILY, {"email": "GEZIN@example.org"})
    assert [r.pk for r in response.context["found"]] == [family["a"].pk]


def test_everything_typed_is_escaped_in_the_family_page(officer, family):
    text = officer.post(FAMILY, {"email": "gezin@example.org"}).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Ilse &lt;b&gt;Bakker&lt;/b&gt;" in text


def test_the_lookup_is_logged_per_request(officer, family, intake):
    officer.post(FAMILY, {"phone": "+31 6 1111 1111"})
    logged = set(
        AccessLogEntry.objects.filter(action=AccessAction.FAMILY_EXPORT, user=intake).values_list(
            "reference", flat=True
        )
    )
    assert logged == {family["a"].reference, family["b"].reference}


def test_the_lookup_can_be_downloaded_as_a_readable_file(officer, family):
    response = officer.post(FAMILY, {"email": "gezin@example.org", "download": "1"})
    assert response["Content-Disposition"].startswith('attachment; filename="inzage-')
    assert "Inzage in uw gegevens" in response.content.decode()
    assert family["a"].reference in response.content.decode()


def test_the_lookup_asks_for_an_address_or_number_in_dutch(officer):
    response = officer.post(FAMILY, {"email": "", "phone": ""})
    assert "Vul een e-mailadres of een telefoonnummer in." in response.text
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
    assert not AccessLogEntry.objects.filter(
        request_id_value=family["b"].pk, action=AccessAction.VIEW
    ).exists()


def test_erasure_asks_for_confirmation_first(officer, family):
    response = officer.post(ERASE, {"phone": "0611111111"})
    assert response.status_code == 200
    assert "Dit kan niet ongedaan worden gemaakt" in response.text
    assert family["a"].reference in response.text and family["b"].reference in response.text
    assert Request.objects.count() == 3


def test_erasure_without_the_tick_erases_nothing(officer, family):
    references = ",".join(sorted([family["a"].reference, family["b"].reference]))
    response = officer.post(
        ERASE, {"phone": "0611111111", "references": references, "stap": "bevestigen"}
    )
    assert "Vink aan dat u weet dat wissen niet terug te draaien is." in response.text
    assert Request.objects.count() == 3


def test_confirmed_erasure_removes_the_family_and_logs_it(officer, family, intake):
    a, b = family["a"], family["b"]
    references = ",".join(sorted([a.reference, b.reference]))
    response = officer.post(
        ERASE,
        {"phone": "0611111111", "references": references, "stap": "bevestigen", "confirm": "1"},
        follow=True,
    )
    assert response.status_code == 200
    assert list(Request.objects.values_list("pk", flat=True)) == [family["stranger"].pk]
    assert not InternalNote.objects.filter(request_id__in=[a.pk, b.pk]).exists()
    assert not RequestEvent.objects.filter(request_id__in=[a.pk, b.pk]).exists()
    purge = PurgeLogEntry.objects.filter(reason=PurgeLogEntry.Reason.ERASURE)
    assert sorted(purge.values_list("reference", flat=True)) == sorted([a.reference, b.reference])
    assert set(purge.values_list("performed_by", flat=True)) == {intake.username}
    erased = AccessLogEntry.objects.filter(action=AccessAction.ERASE, user=intake)
    assert sorted(erased.values_list("reference", flat=True)) == sorted([a.reference, b.reference])
    assert "2 aanvragen gewist" in response.text


def test_erasure_stops_when_the_family_changed_between_the_two_steps(officer, family):
    references = family["a"].reference  # the officer saw only one; meanwhile there are two
    officer.post(
        ERASE,
        {"phone": "0611111111", "references": references, "stap": "bevestigen", "confirm": "1"},
    )
    assert Request.objects.count() == 3
