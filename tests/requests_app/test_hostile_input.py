"""Whatever arrives (NUL bytes, broken encodings, huge values, HTML): a clear message or an
escaped display, never a 500."""

import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from requests_app.models import AssessmentRequest, CallbackRequest, Request
from tests.helpers.forms import (
    ASSESSMENT_URL,
    CALLBACK_URL,
    assessment_data,
    callback_data,
    post_step,
    send_assessment,
    send_callback,
)

pytestmark = pytest.mark.django_db

TEXT_FIELDS = ["child_first_name", "child_residence", "contact_name", "worries", "relation_other"]
OTHER_FIELDS = [
    "is_urgent",
    "relation",
    "authority",
    "help_so_far",
    "phone",
    "email",
    "child_birth_date_dag",
    "child_birth_date_maand",
    "child_birth_date_jaar",
    "ticket",
    "homepage",
]


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_a_nul_byte_in_a_text_field_gets_a_clear_message(client, field):
    overrides = {field: "Noor\x00"}
    if field == "relation_other":
        overrides["relation"] = "anders"
    response = send_assessment(client, **overrides)
    assert response.status_code == 200
    assert "Hier staat een teken dat wij niet kunnen lezen." in response.content.decode()
    assert not Request.objects.exists()


@pytest.mark.parametrize("field", OTHER_FIELDS)
def test_a_nul_byte_anywhere_else_never_breaks_the_form(client, field):
    response = send_assessment(client, **{field: "1\x00"})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        # Only the honeypot and the ticket can be wrong and still be stored: as spam.
        assert Request.objects.get().is_suspected_spam


def test_a_nul_byte_in_the_callback_form_gets_a_clear_message(client):
    response = send_callback(client, note="Bel\x00 me", contact_name="A\x00")
    assert response.status_code == 200
    assert response.content.decode().count("Hier staat een teken dat wij niet kunnen lezen.") == 4


def test_a_3000_character_name_gets_a_message_and_is_kept(client):
    response = send_callback(client, contact_name="A" * 3000)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Uw naam is te lang: gebruik niet meer dan 120 tekens (nu 3000)." in html
    assert "A" * 3000 in html  # the parent can shorten it rather than type it again
    assert not Request.objects.exists()


def test_html_and_script_are_shown_escaped_on_the_review_page(client):
    data = assessment_data(
        child_first_name="<script>alert('kind')</script>",
        worries='<img src=x onerror="alert(1)">Zorgen & "meer"',
    )
    response = post_step(client, "contact", data, done="gevaar,kind,u,vraag")
    html = response.content.decode()
    assert "Controleer uw gegevens" in html
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;kind&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Zorgen &amp; &quot;meer&quot;" in html


def test_html_is_stored_as_typed_and_never_shown_on_the_confirmation(client):
    script = "<script>alert(1)</script>"
    response = send_assessment(client, child_first_name=script, contact_name=f"Jan {script}")
    assert AssessmentRequest.objects.get().child_first_name == script
    html = client.get(response["Location"]).content.decode()
    assert "alert(1)" not in html


def test_html_typed_in_the_callback_form_is_escaped_when_shown_back(client):
    response = send_callback(
        client, contact_name="<b>Jan</b>", note="<script>x()</script>", phone=""
    )
    html = response.content.decode()
    assert 'value="&lt;b&gt;Jan&lt;/b&gt;"' in html
    assert "&lt;script&gt;x()&lt;/script&gt;</textarea>" in html
    assert "<script>x()" not in html


@pytest.mark.parametrize(
    "name",
    [
        "Zoë",
        "Émile-Anne",
        "Nguyễn Thị Minh",
        "محمد",
        "Łukasz Żółć",
        "Ólafur 🌱",
        "O'Brien-van der Berg",
    ],
)
def test_names_in_any_script_are_stored_as_typed(client, name):
    assert send_callback(client, contact_name=name).status_code == 302
    assert CallbackRequest.objects.get().contact_name == name


def test_decomposed_unicode_is_stored_composed(client):
    decomposed = unicodedata.normalize("NFD", "Zoë")
    send_callback(client, contact_name=decomposed)
    assert CallbackRequest.objects.get().contact_name == "Zoë"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"contact_name=%FF%FE%FD&phone=06%2012345678", "application/x-www-form-urlencoded"),
        (b"contact_name=\xff\xfe\xfd&phone=\xc3\x28", "application/x-www-form-urlencoded"),
        (b"contact_name=Jan", "application/x-www-form-urlencoded; charset=klingon-42"),
        (b"contact_name=Jan", "application/x-www-form-urlencoded; charset=utf-16"),
        (
            b'--xx\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xff\r\n',
            "multipart/form-data; boundary=xx",
        ),
        (b"\x00\x01\x02\x03", "application/octet-stream"),
        (b"%%%%%===&&&", "application/x-www-form-urlencoded"),
    ],
)
def test_broken_encodings_never_cause_a_server_error(client, body, content_type):
    for url in (ASSESSMENT_URL, CALLBACK_URL):
        response = client.generic("POST", url, body, content_type=content_type)
        assert response.status_code < 500, (url, body)
    assert not Request.objects.exists()


@pytest.mark.parametrize(
    "extra",
    [
        {"actie": "wijzig:../../etc/passwd"},
        {"actie": "wijzig:"},
        {"actie": "<script>"},
        {"stap": "<script>", "actie": "terug"},
        {"stap": "controleren", "actie": "terug"},
        {"klaar": "gevaar,kind,u,vraag,contact,evil" * 50},
        {"actie": "verder", "stap": "onbekend"},
    ],
)
def test_tampered_step_markers_lead_to_a_normal_page(client, extra):
    data = {**assessment_data(), **extra}
    response = client.post(ASSESSMENT_URL, data)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1].split("<footer")[0]


def test_thousands_of_checkbox_values_are_refused_politely(client):
    response = send_assessment(client, help_so_far=[str(i) for i in range(150)])
    assert response.status_code == 200
    assert not Request.objects.exists()


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400
) | st.sampled_from(["", " ", "\x00", "06 12345678", "<script>", "a" * 4000, "2015", "ja", "nee"])


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.dictionaries(
        st.sampled_from(
            [
                *TEXT_FIELDS,
                *OTHER_FIELDS,
                "preferred_channel",
                "voicemail_allowed",
                "consent",
                "actie",
                "stap",
            ]
        ),
        printable,
    ),
    dropped=st.lists(st.sampled_from([*TEXT_FIELDS, *OTHER_FIELDS]), max_size=4),
)
def test_any_assessment_post_gives_a_page_or_a_stored_request(client, settings, values, dropped):
    settings.REQUEST_RATE_LIMIT = "100000/h"
    data = {**assessment_data(), "stap": "controleren", "actie": "versturen", **values}
    for name in dropped:
        data.pop(name, None)
    before = Request.objects.count()
    response = client.post(ASSESSMENT_URL, data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert Request.objects.count() in (before, before + 1)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.dictionaries(
        st.sampled_from(list(callback_data())),
        printable | st.text(alphabet=string.digits + "-", max_size=12),
    )
)
def test_any_callback_post_gives_a_page_or_a_stored_request(client, settings, values):
    settings.REQUEST_RATE_LIMIT = "100000/h"
    response = client.post(CALLBACK_URL, {**callback_data(), **values})
    assert response.status_code in (200, 302)


def test_an_oversized_body_is_refused_with_a_page_not_a_crash(client):
    response = send_assessment(client, worries="x" * 300_000)
    assert response.status_code == 400
    assert not Request.objects.exists()


def test_too_many_fields_are_refused_with_a_page_not_a_crash(client):
    response = send_assessment(client, best_moments=["morning"] * 500)
    assert response.status_code == 400
    assert not Request.objects.exists()
