"""The markup follows NL Design System / GOV.UK form guidance (checked in HTML, not by eye)."""

import re

import pytest

from tests.helpers.forms import (
    ASSESSMENT_URL,
    CALLBACK_URL,
    assessment_data,
    post_step,
    send_callback,
)

pytestmark = pytest.mark.django_db


def tag(html, name):
    match = re.search(rf'<(input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert match, name
    return match.group(0)


def test_forms_never_trigger_browser_validation_popups(client):
    for url in (ASSESSMENT_URL, CALLBACK_URL):
        html = client.get(url).content.decode()
        assert re.search(r"<form [^>]*novalidate", html)
        assert " required" not in html.split("<form")[1]


def test_the_title_starts_with_fout_only_when_there_are_errors(client):
    assert "<title>Bel mij terug |" in client.get(CALLBACK_URL).content.decode()
    assert "<title>Fout: Bel mij terug |" in send_callback(client, phone="").content.decode()


def test_the_error_summary_can_take_focus_and_links_to_each_field(client):
    html = send_callback(client, phone="", topic=None).content.decode()
    summary = re.search(
        r'<div class="error-summary" tabindex="-1" data-error-summary>.*?</ul>', html, re.S
    )
    assert summary
    assert re.findall(r'href="#([^"]+)"', summary.group(0)) == ["id_phone", "id_topic_0"]
    assert 'id="id_phone"' in html and 'id="id_topic_0"' in html
    assert '<script src="/static/js/forms.js" defer></script>' in html


def test_a_field_with_an_error_is_marked_and_linked_to_its_message(client):
    html = send_callback(client, phone="123").content.decode()
    phone = tag(html, "phone")
    assert 'aria-invalid="true"' in phone
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in phone
    assert re.search(r'<div id="div_id_phone" class="form-group form-group--error">', html)
    assert (
        '<p class="error-message" id="id_phone_error"><span class="visually-hidden">Fout: </span>'
        in html
    )
    # Label, then hint, then error, then the input (GOV.UK order).
    group = re.search(r'<div id="div_id_phone".*?</div>', html, re.S).group(0)
    order = [
        group.index(s) for s in ("<label", 'class="form-hint"', 'class="error-message"', "<input")
    ]
    assert order == sorted(order)


def test_radio_groups_are_fieldsets_whose_legend_is_the_question(client):
    html = send_callback(client, topic=None).content.decode()
    group = re.search(r'<div id="div_id_topic".*?</fieldset>', html, re.S).group(0)
    assert '<fieldset class="form-fieldset" aria-describedby="id_topic_error">' in group
    assert '<legend class="form-label">Waarover wilt u praten?</legend>' in group
    assert group.count('type="radio"') == 4


@pytest.mark.parametrize(
    ("name", "attrs"),
    [
        ("contact_name", ['type="text"', 'autocomplete="name"', 'spellcheck="false"']),
        ("phone", ['type="tel"', 'autocomplete="tel"']),
        ("email", ['type="email"', 'autocomplete="email"', 'spellcheck="false"']),
    ],
)
def test_callback_inputs_carry_the_right_type_and_autocomplete(client, name, attrs):
    field = tag(client.get(CALLBACK_URL).content.decode(), name)
    for attr in attrs:
        assert attr in field
    assert "maxlength" not in field


def test_the_childs_date_of_birth_is_three_numeric_inputs_without_the_parents_birthday(client):
    html = post_step(client, "gevaar", assessment_data(), done="").content.decode()
    for part, label in (("dag", "Dag"), ("maand", "Maand"), ("jaar", "Jaar")):
        field = tag(html, f"child_birth_date_{part}")
        assert 'inputmode="numeric"' in field
        assert 'type="text"' in field
        assert 'autocomplete="off"' in field  # never fill in the parent's own birthday
        field_id = re.search(r'id="([^"]+)"', field).group(1)
        assert f'<label class="date-input__label" for="{field_id}">{label}</label>' in html
    assert '<legend class="form-label">Geboortedatum van uw kind</legend>' in html


def test_assessment_inputs_carry_the_right_autocomplete(client):
    html = post_step(client, "gevaar", assessment_data(), done="").content.decode()
    assert 'autocomplete="off"' in tag(html, "child_first_name")
    assert 'autocomplete="address-level2"' in tag(html, "child_residence")
    html = post_step(client, "vraag", assessment_data(), done="gevaar,kind,u").content.decode()
    assert 'autocomplete="tel"' in tag(html, "phone")
    assert 'type="tel"' in tag(html, "phone")
    assert 'autocomplete="email"' in tag(html, "email")


def test_optional_fields_say_so_and_required_ones_do_not(client, signs):
    html = post_step(client, "u", assessment_data(), done="gevaar,kind").content.decode()
    assert re.search(
        r'Welke signalen herkent u bij uw kind\? <span class="optional">\(optioneel\)', html
    )
    assert "Waarover maakt u zich zorgen?</label>" in html
    assert re.search(r'Andere hulp, namelijk <span class="optional">\(alleen bij ‘Anders’\)', html)


def test_each_step_has_one_h1_in_its_legend(client):
    html = client.get(ASSESSMENT_URL).content.decode()
    assert html.count("<h1") == 1
    assert '<legend class="form-step__legend"><h1 class="form-step__heading">' in html


def test_the_privacy_statement_link_says_it_opens_a_new_tab(client):
    html = client.get(CALLBACK_URL).content.decode()
    assert "(opent in een nieuw tabblad)</a>" in html


def test_the_phone_or_e_mail_error_stands_beside_both_fields_and_once_in_the_summary(client):
    data = assessment_data(phone="", email="")
    html = post_step(client, "contact", data, done="gevaar,kind,u,vraag").content.decode()
    message = "Vul een telefoonnummer of een e-mailadres in, of allebei."
    for name in ("phone", "email"):
        field = tag(html, name)
        assert 'aria-invalid="true"' in field, name
        assert f"id_{name}_error" in re.search(r'aria-describedby="([^"]+)"', field).group(1)
        assert f'<p class="error-message" id="id_{name}_error">' in html
    summary = re.search(r'<div class="error-summary".*?</ul>', html, re.S).group(0)
    assert summary.count(message) == 1
    assert re.findall(r'href="#([^"]+)"', summary) == ["id_phone"]
