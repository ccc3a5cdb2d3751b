"""Every queue view and search is in the access log (NEN 7513): the references shown, and
for a search a keyed hash of the term, never the term itself. So "who looked for this
family" has an answer, also for a search that found nothing."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from requests_app.access_log import search_digest
from requests_app.models import AccessAction, AccessLogEntry
from tests.factories import make_assessment_request, make_callback_request, make_intake_member
from tests.helpers.triage import change_url

DIGEST = re.compile(r"#[0-9a-f]{16}")


@pytest.fixture
def family(db):
    return make_assessment_request(
        contact_name="Fatima Smit", email="moeder.smit@example.nl", phone="+31612345678"
    )


@pytest.fixture
def others(db):
    return [make_callback_request(contact_name=f"Ouder {i}") for i in range(3)]


def lines(**filters):
    return AccessLogEntry.objects.filter(**filters).order_by("pk")


def everything_logged() -> str:
    return " ".join(
        str(value) for row in AccessLogEntry.objects.values_list() for value in row
    ).lower()


def test_opening_the_queue_logs_each_reference_shown(
    intake_client, intake, queue_url, family, others
):
    response = intake_client.get(queue_url)
    shown = [r.reference for r in response.context["cl"].result_list]
    listed = lines(action=AccessAction.LISTED)
    assert sorted(listed.values_list("reference", flat=True)) == sorted(shown)
    assert len(shown) == 4
    assert {(e.user, e.detail) for e in listed} == {(intake, "wachtrij")}
    assert not lines(action=AccessAction.SEARCH).exists()


def test_only_the_rows_on_the_page_shown_are_logged(intake_client, queue_url, db):
    made = [make_callback_request() for _ in range(53)]
    second_page = intake_client.get(queue_url, {"p": 2})
    shown = {r.reference for r in second_page.context["cl"].result_list}
    assert len(shown) == 3
    assert set(lines(action=AccessAction.LISTED).values_list("reference", flat=True)) == shown
    assert len(made) == 53


@pytest.mark.parametrize("term", ["Fatima", "moeder.smit@example.nl", "06-12345678"])
def test_a_search_is_logged_with_its_results_but_never_the_term(
    intake_client, intake, queue_url, family, others, term
):
    response = intake_client.get(queue_url, {"q": term})
    assert [r.pk for r in response.context["cl"].result_list] == [family.pk]
    (search,) = lines(action=AccessAction.SEARCH)
    digest = search_digest(term)
    assert (search.user, search.reference, search.request_id_value) == (intake, "", None)
    assert search.detail == f"wachtrij: zoekterm {digest}, 1 resultaat"
    (listed,) = lines(action=AccessAction.LISTED)
    assert (listed.reference, listed.detail) == (family.reference, f"wachtrij, zoekterm {digest}")
    logged = everything_logged()
    for fragment in (term.lower(), "fatima", "smit", "12345678"):
        assert fragment not in logged


def test_a_search_that_finds_nothing_is_logged_too(intake_client, queue_url, family):
    intake_client.get(queue_url, {"q": "de Boer"})
    (search,) = lines(action=AccessAction.SEARCH)
    assert search.detail == f"wachtrij: zoekterm {search_digest('de Boer')}, 0 resultaten"
    assert not lines(action=AccessAction.LISTED).exists()


def test_one_term_in_any_spelling_gives_one_digest_and_another_term_another():
    assert search_digest("06-12345678") == search_digest("+31 6 1234 5678")
    assert search_digest("06-12345678") == search_digest("0031612345678")
    assert search_digest("Fatima  Smit") == search_digest("fatima smit")
    assert search_digest("Fatima") != search_digest("Fatma")
    assert DIGEST.fullmatch(search_digest("Fatima"))


def test_without_the_key_the_digest_says_nothing(settings):
    ours = search_digest("Fatima")
    settings.SECRET_KEY = "another-installation-" + "x" * 40
    assert search_digest("Fatima") != ours


def test_an_auditor_finds_who_searched_for_a_family_without_typing_it_on_the_command_line(
    client, queue_url, family, others, monkeypatch
):
    sanne = make_intake_member(username="sanne")
    piet = make_intake_member(username="piet")
    client.force_login(sanne)
    client.get(queue_url, {"q": "06 12345678"})
    client.force_login(piet)
    client.get(queue_url, {"q": "Ouder 1"})
    client.get(queue_url, {"q": "+31612345678"})

    monkeypatch.setattr("sys.stdin", io.StringIO("06-12345678\n"))
    out = io.StringIO()
    call_command("who_searched", stdout=out)
    text = out.getvalue()
    assert search_digest("06-12345678") in text
    assert "sanne" in text and "piet" in text
    assert "Zoekopdrachten: 2" in text
    assert family.reference in text
    assert "12345678" not in text.replace(search_digest("06-12345678"), "")


def test_the_access_log_screen_finds_lines_by_digest(intake_client, intake, queue_url, family):
    intake.user_permissions.add(Permission.objects.get(codename="view_accesslogentry"))
    intake_client.get(queue_url, {"q": "Fatima"})
    digest = search_digest("Fatima")
    page = intake_client.get(reverse("admin:requests_app_accesslogentry_changelist"), {"q": digest})
    assert [e.action for e in page.context["cl"].result_list] == ["listed", "search"]


def test_listings_do_not_crowd_out_who_opened_a_request(intake_client, queue_url, family):
    for _ in range(30):
        intake_client.get(queue_url)
    intake_client.get(change_url(family))
    page = intake_client.get(change_url(family))
    actions = [e.action for e in page.context["access_log"]]
    assert actions == ["view", "view"]
    assert "30 keer in een lijst getoond" in page.text


def test_an_export_of_a_search_carries_the_digest(client, intake, queue_url, family, others):
    intake.user_permissions.add(Permission.objects.get(codename="export_request"))
    client.force_login(intake)
    client.post(reverse("admin:requests_app_request_export"), {"q": "Fatima"})
    (export,) = lines(action=AccessAction.EXPORT)
    assert export.reference == family.reference
    assert export.detail == f"CSV-export, zoekterm {search_digest('Fatima')}"
    assert "fatima" not in everything_logged()


def test_after_a_key_change_older_searches_are_still_found(client, queue_url, family, settings):
    sanne = make_intake_member(username="sanne")
    client.force_login(sanne)
    client.get(queue_url, {"q": "Fatima"})
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "nieuw-" + "y" * 50, [old_key]
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO("fatima\n"))
        call_command("who_searched", stdout=out)
    assert "Zoekopdrachten: 1" in out.getvalue() and "sanne" in out.getvalue()


def test_the_list_of_todays_calls_is_logged_like_a_queue_page(intake_client, intake, db):
    from tests.helpers.calls import calls_url

    due = make_callback_request(callback_date=timezone.localdate(), callback_daypart="evening")
    later = make_callback_request(
        callback_date=timezone.localdate() + datetime.timedelta(days=7), callback_daypart="evening"
    )
    assert intake_client.get(calls_url()).status_code == 200
    listed = lines(action=AccessAction.LISTED)
    assert [(e.user, e.reference, e.detail) for e in listed] == [
        (intake, due.reference, "vandaag bellen")
    ]
    assert later.reference not in {e.reference for e in listed}
