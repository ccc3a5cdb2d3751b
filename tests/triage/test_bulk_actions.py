"""Bulk actions in the queue: assign to me, a status within the flow, spam."""

from django.utils import timezone

from requests_app.models import AccessLogEntry, EventType, Request, RequestEvent, Status
from tests.factories import make_assessment_request, make_callback_request, make_staff


def run_action(client, url, action, requests, **extra):
    return client.post(
        url,
        {"action": action, "_selected_action": [r.pk for r in requests], "index": 0, **extra},
        follow=True,
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_assign_to_me(intake_client, queue_url, intake):
    a = make_assessment_request()
    b = make_callback_request(assigned_to=make_staff())
    response = run_action(intake_client, queue_url, "assign_to_me", [a, b])
    assert set(Request.objects.filter(assigned_to=intake).values_list("pk", flat=True)) == {
        a.pk,
        b.pk,
    }
    assert "2 aanvragen aan u toegewezen." in messages_of(response)
    assert RequestEvent.objects.filter(type=EventType.ASSIGNED, actor=intake).count() == 2


def test_set_a_status_moves_the_rows_that_may_and_names_the_rows_that_may_not(
    intake_client, queue_url
):
    new = make_assessment_request()
    in_progress = make_callback_request(status=Status.IN_PROGRESS)
    done = make_callback_request(status=Status.DONE, closed_at=timezone.now())
    response = run_action(
        intake_client,
        queue_url + "?status=alle",  # the action works on the list as filtered
        "set_status_intake_planned",
        [new, in_progress, done],
    )
    assert Request.objects.get(pk=in_progress.pk).status == Status.INTAKE_PLANNED
    assert Request.objects.get(pk=new.pk).status == Status.NEW
    assert Request.objects.get(pk=done.pk).status == Status.DONE
    shown = messages_of(response)
    assert "1 aanvraag op ‘Intake gepland’ gezet." in shown
    assert any(new.reference in m and "kan niet naar ‘Intake gepland’" in m for m in shown)
    assert any(done.reference in m and "kan niet naar ‘Intake gepland’" in m for m in shown)


def test_closing_in_bulk_sets_closed_at(intake_client, queue_url):
    a = make_assessment_request(status=Status.CONTACTED)
    run_action(intake_client, queue_url, "set_status_done", [a])
    a.refresh_from_db()
    assert a.status == Status.DONE and a.closed_at is not None


def test_mark_as_spam_takes_new_requests_out_of_the_queue(intake_client, queue_url):
    junk = make_callback_request()
    busy = make_assessment_request(status=Status.CONTACTED)
    response = run_action(intake_client, queue_url, "mark_as_spam", [junk, busy])
    junk.refresh_from_db()
    assert junk.status == Status.SPAM and junk.is_suspected_spam and junk.closed_at
    assert Request.objects.get(pk=busy.pk).status == Status.CONTACTED
    assert any(busy.reference in m for m in messages_of(response))
    assert junk.reference not in intake_client.get(queue_url).text


def test_not_spam_puts_a_wrongly_flagged_request_back_in_the_queue(intake_client, queue_url):
    flagged = make_assessment_request(is_suspected_spam=True, spam_reasons=["too_fast"])
    run_action(intake_client, queue_url + "?spam=ja", "mark_as_not_spam", [flagged])
    flagged.refresh_from_db()
    assert not flagged.is_suspected_spam
    assert flagged.reference in intake_client.get(queue_url).text


def test_bulk_changes_are_written_to_the_access_log(intake_client, queue_url, intake):
    a = make_assessment_request()
    run_action(intake_client, queue_url, "set_status_in_progress", [a])
    assert AccessLogEntry.objects.filter(
        user=intake, action="change", request_id_value=a.pk, reference=a.reference
    ).exists()


def test_a_user_who_may_only_view_gets_no_bulk_actions(db, client, queue_url):
    from django.contrib.auth.models import Permission

    viewer = make_staff()
    viewer.user_permissions.add(Permission.objects.get(codename="view_request"))
    client.force_login(viewer)
    a = make_assessment_request()
    response = client.get(queue_url)
    assert response.status_code == 200
    assert "assign_to_me" not in response.text
    run_action(client, queue_url, "assign_to_me", [a])
    assert Request.objects.get(pk=a.pk).assigned_to is None
