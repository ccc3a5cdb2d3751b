"""Migrations 0003-0005 turn stored Dutch words into codes, and back again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

APP = "requests_app"
BEFORE, AFTER = (APP, "0002_staff_groups"), (APP, "0005_spam_reasons_as_codes")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def old_rows(apps):
    """Rows as the old code stored them."""
    common = {"consent_at": timezone.now(), "consent_version": "2026-01", "contact_name": "X"}
    assessment = apps.get_model(APP, "AssessmentRequest").objects.create(
        kind="assessment",
        reference="OZ-2026-00001",
        status="contact_opgenomen",
        is_suspected_spam=True,
        spam_reasons="verborgen veld ingevuld, te snel ingevuld (2 s)",
        child_first_name="Noor",
        child_birth_date=datetime.date(2015, 1, 1),
        child_residence="Helmond",
        relation="pleegouder",
        authority="weet_niet",
        other_parent_informed="nvt",
        child_informed="ja",
        worries="Zorgen",
        help_so_far=["huisarts", "anders"],
        help_other="School",
        preferred_channel="telefoon",
        best_moments=["ochtend", "avond"],
        **common,
    )
    callback = apps.get_model(APP, "CallbackRequest").objects.create(
        kind="callback",
        reference="TB-2026-00001",
        status="afgerond",
        callback_date=datetime.date(2026, 3, 2),
        callback_daypart="middag",
        topic="hechting",
        **common,
    )
    event = apps.get_model(APP, "RequestEvent").objects
    event.create(request_id=assessment.pk, type="status", from_value="nieuw", to_value="contact_opgenomen")  # fmt: skip
    event.create(request_id=assessment.pk, type="spam", to_value="vermoedelijk spam")
    event.create(request_id=callback.pk, type="notify", from_value="ouder", to_value="verstuurd")
    event.create(
        request_id=callback.pk, type="notify", from_value="intake", to_value="mislukt: SMTPError"
    )
    event.create(
        request_id=callback.pk,
        type="notify",
        from_value="ouder",
        to_value="niet verstuurd: naam noemen mag niet",
    )
    return assessment.pk, callback.pk


@pytest.fixture
def back_to_the_latest_migration():
    yield
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes(APP)[0])


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_migration")
def test_stored_words_become_codes_and_back():
    apps = migrate(BEFORE)
    assessment_pk, callback_pk = old_rows(apps)

    apps = migrate(AFTER)
    a = apps.get_model(APP, "AssessmentRequest").objects.get(pk=assessment_pk)
    assert (a.status, a.relation, a.authority) == ("contacted", "foster_parent", "unknown")
    assert (a.other_parent_informed, a.child_informed) == ("not_applicable", "yes")
    assert (a.help_so_far, a.best_moments) == (["gp", "other"], ["morning", "evening"])
    assert a.preferred_channel == "phone"
    assert (a.spam_reasons, a.fill_seconds) == (["honeypot", "too_fast"], 2)
    c = apps.get_model(APP, "CallbackRequest").objects.get(pk=callback_pk)
    assert (c.status, c.callback_daypart, c.topic) == ("done", "afternoon", "attachment")
    assert c.spam_reasons == []
    events = apps.get_model(APP, "RequestEvent").objects.order_by("pk")
    assert list(events.values_list("type", "from_value", "to_value", "detail")) == [
        ("status", "new", "contacted", ""),
        ("spam", "", "suspected", ""),
        ("notify", "parent", "sent", ""),
        ("notify", "intake", "failed", "SMTPError"),
        ("notify", "parent", "withheld", ""),
    ]

    apps = migrate(BEFORE)
    a = apps.get_model(APP, "AssessmentRequest").objects.get(pk=assessment_pk)
    assert (a.status, a.relation, a.child_informed) == ("contact_opgenomen", "pleegouder", "ja")
    assert a.help_so_far == ["huisarts", "anders"]
    assert a.spam_reasons == "verborgen veld ingevuld, te snel ingevuld (2 s)"
    events = apps.get_model(APP, "RequestEvent").objects.order_by("pk")
    assert [e.to_value for e in events][2:] == [
        "verstuurd",
        "mislukt: SMTPError",
        "niet verstuurd: naam noemen mag niet",
    ]
