"""A request's page: what the parent sent (read-only, in plain words), notes, history,
the family's other requests and who has looked."""

import datetime

from django.core import mail
from django.utils import timezone

from requests_app.models import AssessmentRequest, InternalNote, Status
from tests.factories import make_assessment_request, make_callback_request, make_note
from tests.helpers.triage import change_url


def text_of(response):
    import html
    import re

    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)))


def test_the_submission_reads_as_plain_dutch(intake_client, site_content):
    request = make_assessment_request(
        child_first_name="Noor",
        child_birth_date=datetime.date(2015, 2, 28),
        child_residence="Deurne",
        contact_name="Ilse Bakker",
        relation="foster_parent",
        authority="guardian",
        worries="Ze slaapt slecht.\nZe klampt zich vast aan iedereen.",
        recognised_signs=["Het kind maakt met iedereen contact"],
        help_so_far=["gp", "municipality"],
        best_moments=["evening"],
        voicemail_allowed=False,
        may_name_organisation=True,
        phone="+31612345678",
    )
    text = text_of(intake_client.get(change_url(request)))
    for expected in (
        "Het kind",
        "Voornaam Noor",
        "Woonplaats Deurne",
        "De ouder of verzorger",
        "Relatie tot het kind Pleegouder",
        "De vraag",
        "Ze slaapt slecht. Ze klampt zich vast aan iedereen.",
        "Het kind maakt met iedereen contact",
        "Huisarts",
        "Wijkteam of gemeente",
        "Telefoon 06 12345678",
        "'s Avonds",
        "Voicemail inspreken Nee",
        "Zeggen dat we van Bijzonder Jeugdwerk bellen Ja",
    ):
        assert expected in text, expected


def test_a_callback_request_shows_when_to_call_and_the_voicemail_choice(intake_client):
    request = make_callback_request(
        callback_daypart="morning", topic="nika", note="Liefst na 10 uur", voicemail_allowed=True
    )
    text = text_of(intake_client.get(change_url(request)))
    assert "Terugbellen" in text
    assert "'s ochtends" in text
    assert "Onderwerp De NIKA-interventie" in text
    assert "Toelichting Liefst na 10 uur" in text
    assert "Voicemail inspreken Ja" in text


def test_the_submission_cannot_be_changed_through_the_page(intake_client):
    request = make_assessment_request(contact_name="Ilse Bakker", worries="Origineel")
    response = intake_client.get(change_url(request))
    assert set(response.context["adminform"].form.fields) == {
        "status",
        "assigned_to",
        "priority",
        "new_note",
    }
    intake_client.post(
        change_url(request),
        {
            "status": "new",
            "priority": 20,
            "assigned_to": "",
            "new_note": "",
            "contact_name": "Iemand anders",
            "worries": "Gewijzigd",
        },
    )
    stored = AssessmentRequest.objects.get(pk=request.pk)
    assert (stored.contact_name, stored.worries) == ("Ilse Bakker", "Origineel")


def test_html_typed_by_a_parent_is_shown_as_text(intake_client):
    request = make_assessment_request(
        contact_name="<script>alert('naam')</script>",
        worries="<script>alert('zorgen')</script><b>vet</b>",
    )
    response = intake_client.get(change_url(request))
    assert "<script>alert(" not in response.text
    assert "<b>vet</b>" not in response.text
    assert "&lt;script&gt;alert(&#x27;zorgen&#x27;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in (
        response.text
    )
    assert "&lt;script&gt;alert(&#x27;naam&#x27;)&lt;/script&gt;" in response.text


def test_an_urgent_request_says_so_at_the_top(intake_client):
    request = make_assessment_request(is_urgent=True)
    assert (
        "de ouder meldde dat er nu direct gevaar is" in intake_client.get(change_url(request)).text
    )


def test_a_note_is_saved_with_its_author_and_shown_in_the_history(intake_client, intake):
    request = make_assessment_request()
    response = intake_client.post(
        change_url(request),
        {
            "status": "new",
            "priority": 20,
            "assigned_to": "",
            "new_note": "Vader gebeld; hij belt morgen terug.",
            "_continue": "1",
        },
        follow=True,
    )
    note = InternalNote.objects.get(request=request)
    assert note.author == intake
    assert note.text == "Vader gebeld; hij belt morgen terug."
    history = text_of(response).split("Geschiedenis", 2)[-1]
    assert "Sanne de Vries" in history
    assert "Interne notitie" in history
    assert "Vader gebeld; hij belt morgen terug." in history


def test_notes_are_never_e_mailed(intake_client):
    request = make_assessment_request(email="ouder@example.org")
    intake_client.post(
        change_url(request),
        {"status": "contacted", "priority": 20, "assigned_to": "", "new_note": "Geheim"},
    )
    assert all("Geheim" not in m.body for m in mail.outbox)
    assert not [m for m in mail.outbox if "ouder@example.org" in m.to]


def test_the_history_shows_status_assignment_and_notes_in_order(intake_client, intake):
    from requests_app import services

    request = make_assessment_request()
    services.assign(request, intake, actor=intake)
    make_note(request, author=intake, text="Eerste contact gehad.")
    services.change_status(request, Status.CONTACTED, actor=intake)
    text = text_of(intake_client.get(change_url(request))).split("Geschiedenis", 2)[-1]
    assigned = text.index("Toegewezen aan: " + intake.username)
    noted = text.index("Eerste contact gehad.")
    moved = text.index("Status: Nieuw → Contact opgenomen")
    assert assigned < noted < moved


def test_other_requests_of_the_same_family_are_linked(intake_client):
    request = make_assessment_request(email="gezin@example.org", phone="+31611111111")
    by_email = make_callback_request(email="Gezin@Example.org", phone="+31622222222")
    by_phone = make_callback_request(email="", phone="+31611111111")
    stranger = make_callback_request(email="ander@example.org", phone="+31633333333")
    response = intake_client.get(change_url(request))
    assert {r.pk for r in response.context["family"]} == {by_email.pk, by_phone.pk}
    assert change_url(by_email) in response.text
    assert change_url(by_phone) in response.text
    assert stranger.reference not in response.text
    assert "Dit gezin heeft nog 2 andere aanvragen" in text_of(response)


def test_the_page_shows_who_has_looked_at_the_request(client, intake, admin_user):
    request = make_assessment_request()
    client.force_login(admin_user)
    client.get(change_url(request))
    client.force_login(intake)
    response = client.get(change_url(request))
    looked = text_of(response).split("Wie heeft deze aanvraag bekeken", 1)[1]
    assert admin_user.username in looked
    assert "Sanne de Vries" in looked
    assert "Bekeken" in looked
    assert "2 regels in het toegangslog" in looked


def test_a_failed_notification_is_mentioned_calmly(intake_client):
    request = make_callback_request(notify_state="failed", created_at=timezone.now())
    assert "De e-mailmelding is mislukt" in intake_client.get(change_url(request)).text


def test_the_history_names_receipt_and_e_mail_events_plainly(intake_client):
    from requests_app.models import EventType, RequestEvent

    request = make_assessment_request()
    RequestEvent.objects.create(request=request, type=EventType.CREATED)
    RequestEvent.objects.create(
        request=request, type=EventType.NOTIFY, from_value="intake", to_value="sent"
    )
    RequestEvent.objects.create(
        request=request,
        type=EventType.NOTIFY,
        from_value="parent",
        to_value="failed",
        detail="SMTPError",
    )
    text = text_of(intake_client.get(change_url(request))).split("Geschiedenis", 2)[-1]
    assert "Aanvraag ontvangen" in text
    assert "E-mail aan het intaketeam: verstuurd" in text
    assert "E-mail aan de ouder: mislukt: SMTPError" in text
    assert "systeem" in text
