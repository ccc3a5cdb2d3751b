"""CSV export of the filtered queue: only with a dedicated permission, free text only
with a second one, safe to open in a spreadsheet."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from requests_app.admin import csv_safe
from tests.factories import make_assessment_request, make_callback_request


@pytest.fixture
def exporter(client, intake):
    intake.user_permissions.add(Permission.objects.get(codename="export_request"))
    client.force_login(intake)
    return client


def export_url(query=""):
    return reverse("admin:requests_app_request_export") + query


def rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_export_needs_its_own_permission(intake_client):
    make_assessment_request()
    assert intake_client.post(export_url()).status_code == 403


def test_export_is_a_post_only(exporter):
    assert exporter.get(export_url()).status_code == 405


def test_the_export_holds_the_filtered_list(exporter):
    urgent = make_assessment_request(is_urgent=True, contact_name="Eerste Ouder")
    make_callback_request()
    response = exporter.post(export_url("?spoed=ja"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="aanvragen-')
    table = rows(response)
    assert table[0][0] == "referentie"
    assert [row[0] for row in table[1:]] == [urgent.reference]
    assert "Eerste Ouder" in table[1]


def test_free_text_is_left_out_without_the_worries_permission(exporter):
    make_assessment_request(worries="Zij is erg angstig")
    make_callback_request(note="Bel na 10 uur")
    table = rows(exporter.post(export_url()))
    assert "zorgen of toelichting" not in table[0]
    flat = " ".join(" ".join(row) for row in table)
    assert "angstig" not in flat and "Bel na 10 uur" not in flat


def test_free_text_is_included_with_the_worries_permission(exporter, intake):
    intake.user_permissions.add(Permission.objects.get(codename="export_request_worries"))
    a = make_assessment_request(worries="Zij is erg angstig")
    c = make_callback_request(note="Bel na 10 uur")
    table = rows(exporter.post(export_url()))
    column = table[0].index("zorgen of toelichting")
    by_reference = {row[0]: row[column] for row in table[1:]}
    assert by_reference == {a.reference: "Zij is erg angstig", c.reference: "Bel na 10 uur"}


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ('=HYPERLINK("http://kwaad.example")', '\'=HYPERLINK("http://kwaad.example")'),
        ("+31 bel mij", "'+31 bel mij"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Gewone naam", "Gewone naam"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_as_a_formula_are_defused(typed, cell):
    assert csv_safe(typed) == cell


def test_a_formula_in_a_name_is_defused_in_the_download(exporter):
    make_assessment_request(contact_name="=cmd|' /C calc'!A0")
    table = rows(exporter.post(export_url()))
    assert table[1][table[0].index("naam")] == "'=cmd|' /C calc'!A0"


def test_html_in_the_export_stays_inert_text_in_a_download(exporter, intake):
    intake.user_permissions.add(Permission.objects.get(codename="export_request_worries"))
    make_assessment_request(
        contact_name="<script>alert('naam')</script>", worries="<script>alert(1)</script>"
    )
    response = exporter.post(export_url())
    # The file is a download that browsers must not sniff into a page ...
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    # ... and the text is kept exactly as typed, as data in a quoted cell.
    table = rows(response)
    assert table[1][table[0].index("naam")] == "<script>alert('naam')</script>"
    assert '"<script>alert(1)</script>"' in response.content.decode("utf-8-sig")


def test_phone_numbers_are_exported_in_dutch_form(exporter):
    make_callback_request(phone="+31612345678")
    table = rows(exporter.post(export_url()))
    assert table[1][table[0].index("telefoon")] == "06 12345678"


def test_the_export_button_shows_only_for_those_who_may_export(client, intake, queue_url):
    client.force_login(intake)
    assert "Exporteren (CSV" not in client.get(queue_url).text
    intake.user_permissions.add(Permission.objects.get(codename="export_request"))
    assert "Exporteren (CSV" in client.get(queue_url).text


def test_the_export_query_count_does_not_grow_with_the_number_of_requests(exporter):
    def queries_for_an_export():
        with CaptureQueriesContext(connection) as queries:
            assert exporter.post(export_url()).status_code == 200
        return len(queries)

    make_assessment_request()
    make_callback_request()
    queries_for_an_export()  # the first also reads the session and the site's facts
    few = queries_for_an_export()
    for _ in range(10):
        make_assessment_request()
        make_callback_request()
    assert queries_for_an_export() == few
