"""The access log (NEN 7513): every view, export and change of a request is recorded,
and the log cannot be added to, changed or deleted through the admin."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from requests_app.models import AccessAction, AccessLogEntry, Status
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.triage import change_url


def entries(**filters):
    return list(
        AccessLogEntry.objects.filter(**filters).values_list(
            "user__username", "action", "request_id_value", "reference"
        )
    )


def test_opening_a_request_is_logged(intake_client, intake):
    request = make_assessment_request()
    intake_client.get(change_url(request))
    assert entries(action=AccessAction.VIEW) == [
        (intake.username, "view", request.pk, request.reference)
    ]


def test_each_opening_is_a_new_line(intake_client):
    request = make_assessment_request()
    intake_client.get(change_url(request))
    intake_client.get(change_url(request))
    assert AccessLogEntry.objects.filter(action=AccessAction.VIEW).count() == 2


def test_the_queue_itself_is_not_logged_per_row(intake_client, queue_url):
    make_assessment_request()
    intake_client.get(queue_url)
    assert not AccessLogEntry.objects.exists()


def test_a_change_through_the_page_is_logged(intake_client, intake):
    request = make_assessment_request()
    intake_client.post(
        change_url(request),
        {"status": Status.IN_PROGRESS, "priority": 20, "assigned_to": "", "new_note": "Gebeld"},
    )
    changes = AccessLogEntry.objects.filter(action=AccessAction.CHANGE, request_id_value=request.pk)
    assert sorted(changes.values_list("detail", flat=True)) == [
        "notitie toegevoegd",
        "status: new → in_progress",
    ]
    assert {e.user for e in changes} == {intake}


def test_an_export_is_logged_for_every_exported_request(client, intake):
    intake.user_permissions.add(Permission.objects.get(codename="export_request"))
    a = make_assessment_request()
    b = make_callback_request()
    client.force_login(intake)
    response = client.post(reverse("admin:requests_app_request_export"))
    assert response.status_code == 200
    assert sorted(entries(action=AccessAction.EXPORT)) == sorted(
        [
            (intake.username, "export", a.pk, a.reference),
            (intake.username, "export", b.pk, b.reference),
        ]
    )


def test_the_log_holds_no_personal_data(intake_client):
    request = make_assessment_request(contact_name="Ilse Bakker", email="ilse@example.org")
    intake_client.get(change_url(request))
    intake_client.post(
        change_url(request),
        {"status": "contacted", "priority": 20, "assigned_to": "", "new_note": "Ilse"},
    )
    for entry in AccessLogEntry.objects.all():
        line = f"{entry.reference} {entry.detail}"
        assert "Ilse" not in line and "ilse@" not in line


def test_the_log_can_be_read_in_the_admin(intake_client, intake):
    request = make_assessment_request()
    intake_client.get(change_url(request))
    response = intake_client.get(reverse("admin:requests_app_accesslogentry_changelist"))
    assert response.status_code == 200
    assert request.reference in response.text


def test_nobody_can_add_change_or_delete_log_lines_not_even_a_superuser(client, admin_user):
    request = make_assessment_request()
    client.force_login(admin_user)
    client.get(change_url(request))
    entry = AccessLogEntry.objects.get()
    add = reverse("admin:requests_app_accesslogentry_add")
    change = reverse("admin:requests_app_accesslogentry_change", args=[entry.pk])
    delete = reverse("admin:requests_app_accesslogentry_delete", args=[entry.pk])
    changelist = reverse("admin:requests_app_accesslogentry_changelist")

    assert client.get(add).status_code == 403
    assert client.post(add, {"action": "view", "reference": "X"}).status_code == 403
    # The change page is a read-only view; posting to it changes nothing.
    assert client.get(change).status_code == 200
    assert client.post(change, {"reference": "VERVALST", "action": "change"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.reference == request.reference
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_the_purge_log_is_read_only_too(client, admin_user):
    from requests_app.models import PurgeLogEntry

    line = PurgeLogEntry.objects.create(
        reference="OZ-2026-00001", kind="assessment", reason="retention"
    )
    client.force_login(admin_user)
    assert client.get(reverse("admin:requests_app_purgelogentry_add")).status_code == 403
    delete = reverse("admin:requests_app_purgelogentry_delete", args=[line.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert PurgeLogEntry.objects.filter(pk=line.pk).exists()


def test_a_log_line_is_titled_in_dutch_local_time(intake_client, intake):
    import datetime

    request = make_assessment_request()
    # 23:30 UTC on 29 November is 00:30 on 30 November in the Netherlands.
    entry = AccessLogEntry.objects.create(
        at=datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC),
        user=intake,
        action=AccessAction.VIEW,
        request_id_value=request.pk,
        reference=request.reference,
    )
    page = intake_client.get(reverse("admin:requests_app_accesslogentry_change", args=[entry.pk]))
    assert page.status_code == 200
    assert f"30-11-2026 00:30 Bekeken {request.reference}" in page.text
    assert "29-11-2026 23:30" not in page.text
