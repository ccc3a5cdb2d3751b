"""Property-based tests: whatever arrives at a public form, the parent gets a page.

Hypothesis throws arbitrary text at every field of both forms (any script, right-to-left
marks, combining marks, emoji, lone surrogates, control characters, NUL bytes, values
at and far over their limits) and leaves fields out, repeats them or adds unknown ones,
as urlencoded or multipart bodies, through a client checked for CSRF like a browser.
For every input:

* never a 5xx;
* either exactly one stored request for the form's ticket, holding exactly what was
  typed (trimmed and NFC-normalised), with a working confirmation page;
* or the form again (200), in the site's own Dutch, with everything typed still in it
  and escaped.

Examples per test are set for CI time (see EXAMPLES); the Hypothesis database lives in
``.hypothesis/`` (git-ignored), and on CI Hypothesis derandomises by itself.
"""

import operator
import unicodedata

import phonenumbers
import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from content.models import Sign
from requests_app.forms.assessment import AssessmentForm
from requests_app.forms.callback import CallbackForm
from requests_app.forms.fields import DatePartsField, EmailAddressField, PhoneNumberField, TextField
from requests_app.forms.steps import STEPS
from requests_app.models import (
    AssessmentRequest,
    CallbackRequest,
    HelpSoFar,
    Relation,
    Request,
    YesNoUnknown,
)
from requests_app.spam import read_ticket
from tests.factories import publish
from tests.helpers.forms import ASSESSMENT_URL, CALLBACK_URL, assessment_data, callback_data, ticket
from tests.helpers.hostile import (
    GENERIC_MESSAGE_STARTS,
    as_cleaned,
    as_received,
    assert_plain_dutch_errors,
    error_messages,
    has_control_characters,
    pairs_of,
    post_pairs,
)

pytestmark = pytest.mark.django_db

# Examples per test: 550 in all, about 8 s together on SQLite or PostgreSQL.
EXAMPLES = {"steps": 200, "assessment_submit": 100, "callback": 150, "callback_submit": 100}


def hypothesis_settings(name):
    return settings(
        max_examples=EXAMPLES[name],
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# ---------------------------------------------------------------------------
# What gets thrown
# ---------------------------------------------------------------------------
SPECIAL_VALUES = [
    "",
    " ",
    "\x00",
    "Noor\x00",
    "\t",
    "\r\n",
    "a\r\nb",
    "\x1b[31mrood",
    "\x7f",
    "\x85",
    "\u200b",
    "\ufeff",
    "\u202eNoor",  # right-to-left override
    "\u2067مريم\u2069",
    "مريم بنت أحمد",
    "עִבְרִית",
    "Zoë",
    "Zoe\u0308",  # decomposed: stored composed
    "e" + "\u0301" * 40,  # a pile of combining marks
    "👨‍👩‍👧‍👦",
    "🧒🏽 Noor",
    "\ud800",  # lone surrogates: no UTF-8 exists for them
    "Noor\udfff",
    "\uffff",
    "\U0010ffff",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><svg onload=alert(1)>",
    "' OR 1=1 --",
    '=HYPERLINK("http://kwaad.example")',
    "{{ 7|add:7 }}{% now 'Y' %}",
    "%s%n%x",
    "../../etc/passwd",
    "None",
    "06 12345678",
    "+31 6 1234 5678",
    "naam@example.org",
    '"<b>naam</b>"@example.org',
    "ja",
    "nee",
    "anders",
    "2015",
    "31",
    "februari",
]

_alphabets = st.one_of(
    st.characters(),  # any assigned or unassigned code point but surrogates
    st.characters(categories=["Cs"]),
    st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]),
    st.characters(categories=["Mn", "Me"]),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),  # Hebrew, Arabic
    st.sampled_from("<>&\"'=+-@;,\\/%"),
)
short_text = st.text(_alphabets, max_size=30)
value = st.one_of(st.sampled_from(SPECIAL_VALUES), short_text)
# One value far over any limit per example: the body stays under the upload limit.
huge = st.builds(
    operator.mul,
    st.sampled_from(["x", "é", "😟", "e\u0301", "<b>", "a\x00", "\u202e"]),
    st.integers(300, 4000),
)


def mutations(names):
    """Changes to a complete, valid POST: set, drop, repeat, or add a field."""
    name = st.sampled_from(names)
    return st.lists(
        st.one_of(
            st.tuples(st.just("set"), name, value),
            st.tuples(st.just("drop"), name, st.just("")),
            st.tuples(st.just("repeat"), name, value),
            st.tuples(st.just("extra"), st.one_of(short_text, st.just("stap")), value),
        ),
        max_size=6,
    )


def apply(pairs, changes, huge_change):
    pairs = list(pairs)
    for op, name, new in changes:
        if op == "set":
            pairs = [(k, v) for k, v in pairs if k != name] + [(name, new)]
        elif op == "drop":
            pairs = [(k, v) for k, v in pairs if k != name]
        else:  # repeat a field, or add one the form does not know
            pairs.append((name, new))
    if huge_change is not None:
        name, new = huge_change
        pairs = [(k, v) for k, v in pairs if k != name] + [(name, new)]
    return pairs


def last(pairs, name):
    values = [v for k, v in pairs if k == name]
    return values[-1] if values else None


def typed_inputs(form_class):
    """Names of the inputs a parent types into (the date as its three parts)."""
    names = []
    for name, field in form_class.base_fields.items():
        if isinstance(field, DatePartsField):
            names += [f"{name}_{part}" for part in ("dag", "maand", "jaar")]
        elif isinstance(field, TextField | EmailAddressField) or name == "homepage":
            names.append(name)
    return names


def free_text_fields(form_class):
    """The TextFields (not phone) of a form: name -> field."""
    return {
        name: field
        for name, field in form_class.base_fields.items()
        if isinstance(field, TextField) and not isinstance(field, PhoneNumberField)
    }


def text_refused(field, raw) -> bool:
    """Whether a free-text field must refuse what was sent (the oracle, from the rules)."""
    value = as_cleaned(raw)
    if not value:
        return True  # every free-text field is required where these tests fill it
    return has_control_characters(value, multiline=field.multiline) or len(value) > (
        field.max_length
    )


def boundary_text(field):
    """Text right around a field's length limit, made of characters that change length
    (or not) when normalised."""
    return st.builds(
        operator.mul,
        st.sampled_from(["a", "é", "e\u0301", "😟", "ﬁ"]),
        st.integers(field.max_length - 1, field.max_length + 1),
    )


def assert_a_page_that_keeps_what_was_typed(response, pairs, form_class):
    """200, in Dutch, no generic message, and every typed value back in the page, escaped."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert '<html lang="nl">' in html
    for message in error_messages(response):
        assert not [s for s in GENERIC_MESSAGE_STARTS if message.startswith(s)], message
    for name in typed_inputs(form_class):
        typed = as_received(last(pairs, name) or "")
        # Only-whitespace is not kept: crispy-forms folds whitespace between tags.
        if typed.strip():
            assert escape(typed) in html, (name, typed)


def assert_stored_once_with_confirmation(client, response, pairs, url, before):
    """A stored request: one new row per ticket, also when the same POST comes again.

    Without a valid ticket there is no token to recognise a repeat by: such a request is
    stored as suspected spam (a person looks at it), and each POST is its own row.
    """
    assert Request.objects.count() == before + 1
    stored = Request.objects.latest("pk")
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert stored.reference in confirmation.content.decode()
    again = post_pairs(client, url, pairs)
    assert again.status_code == 302
    form_ticket = read_ticket(as_received(last(pairs, "ticket") or ""))
    if form_ticket is not None:
        assert stored.submission_token == form_ticket.token
        # The same request's confirmation (the link's signature carries a timestamp).
        assert stored.reference in client.get(again["Location"]).content.decode()
        assert Request.objects.count() == before + 1
    else:
        assert stored.is_suspected_spam
        assert Request.objects.count() == before + 2
    return stored


# ---------------------------------------------------------------------------
# Onderzoek aanvragen: every step and the review page
# ---------------------------------------------------------------------------
ASSESSMENT_NAMES = sorted(
    {*assessment_data(), "stap", "actie", "klaar", "relation_other", "help_other"}
)
STEP_MARKERS = [step.slug for step in STEPS] + ["controleren"]
ACTIONS = ["verder", "terug", "versturen", "wijzig:kind", "wijzig:contact", "wijzig:elders"]


def assessment_pairs(step, action):
    index = STEP_MARKERS.index(step)
    data = assessment_data(ticket=ticket())
    data.update({"stap": step, "klaar": ",".join(STEP_MARKERS[:index]), "actie": action})
    return pairs_of(data)


def expected_assessment_text(pairs, name):
    raw = last(pairs, name) or ""
    if name == "relation_other" and last(pairs, "relation") != Relation.OTHER:
        return ""
    if name == "help_other" and HelpSoFar.OTHER not in [v for k, v in pairs if k == "help_so_far"]:
        return ""
    return as_cleaned(raw)


def assert_assessment_round_trip(stored_request, pairs):
    stored = AssessmentRequest.objects.get(pk=stored_request.pk)
    for name in free_text_fields(AssessmentForm):
        assert getattr(stored, name) == expected_assessment_text(pairs, name), name
    assert stored.email == as_received(last(pairs, "email") or "").strip()


@hypothesis_settings("steps")
@given(
    step=st.sampled_from(STEP_MARKERS),
    action=st.sampled_from(ACTIONS),
    changes=mutations(ASSESSMENT_NAMES),
    huge_change=st.none() | st.tuples(st.sampled_from(ASSESSMENT_NAMES), huge),
    as_multipart=st.booleans(),
)
@example(step="controleren", action="versturen", changes=[], huge_change=None, as_multipart=False)
@example(  # an answer to a question this child's age does not ask
    step="controleren",
    action="versturen",
    changes=[("set", "child_informed", "misschien")],
    huge_change=None,
    as_multipart=False,
)
@example(
    step="vraag",
    action="verder",
    changes=[("set", "worries", "Zij slaapt slecht.\r\n\x00")],
    huge_change=("contact_name", "😟" * 4000),
    as_multipart=True,
)
def test_every_assessment_step_answers_any_input_with_a_page_or_a_stored_request(
    csrf_client, no_rate_limit, signs, step, action, changes, huge_change, as_multipart
):
    pairs = apply(assessment_pairs(step, action), changes, huge_change)
    before = Request.objects.count()
    response = post_pairs(csrf_client, ASSESSMENT_URL, pairs, as_multipart=as_multipart)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        # Only "Aanvraag versturen" stores, and only a complete, valid request.
        assert last(pairs, "actie") == "versturen"
        stored = assert_stored_once_with_confirmation(
            csrf_client, response, pairs, ASSESSMENT_URL, before
        )
        assert_assessment_round_trip(stored, pairs)
    else:
        assert Request.objects.count() == before
        assert_a_page_that_keeps_what_was_typed(response, pairs, AssessmentForm)
        if last(pairs, "actie") == "versturen":
            # The parent pressed send and nothing was stored: the page must say why.
            assert_plain_dutch_errors(response)


ASSESSMENT_TEXT = free_text_fields(AssessmentForm)
VALID_PHONES = ["06 12345678", "+31 6 1234 5678", "0031612345678", "(0493) 327 506", "06-1234-5678"]
VALID_EMAILS = ["naam@example.org", "zoe@bücher.example", "=1+1@example.org", '"<b>"@example.org']


@hypothesis_settings("assessment_submit")
@given(
    texts=st.fixed_dictionaries(
        {
            name: st.one_of(value, boundary_text(field), short_text)
            for name, field in ASSESSMENT_TEXT.items()
        }
    ),
    phone=st.one_of(st.sampled_from(VALID_PHONES), value),
    email=st.one_of(st.sampled_from(VALID_EMAILS), value),
)
@example(
    texts={name: "e\u0301" * field.max_length for name, field in ASSESSMENT_TEXT.items()},
    phone="06 12345678",
    email="naam@example.org",
)
def test_sending_the_assessment_stores_exactly_what_was_typed_or_says_why_not(
    csrf_client, no_rate_limit, texts, phone, email
):
    data = assessment_data(
        **texts,
        relation=Relation.OTHER,
        help_so_far=[HelpSoFar.GP, HelpSoFar.OTHER],
        phone=phone,
        email=email,
        preferred_channel="phone",
    )
    data.update({"stap": "controleren", "klaar": ",".join(STEP_MARKERS[:-1])})
    data["actie"] = "versturen"
    pairs = pairs_of(data)
    refused = [name for name, field in ASSESSMENT_TEXT.items() if text_refused(field, texts[name])]
    contact_known_good = phone in VALID_PHONES and email in VALID_EMAILS
    before = Request.objects.count()

    response = post_pairs(csrf_client, ASSESSMENT_URL, pairs)

    if refused:
        assert_a_page_that_keeps_what_was_typed(response, pairs, AssessmentForm)
        assert_plain_dutch_errors(response)
        assert Request.objects.count() == before
        return
    if contact_known_good:
        assert response.status_code == 302, error_messages(response)
    if response.status_code == 200:
        assert_a_page_that_keeps_what_was_typed(response, pairs, AssessmentForm)
        assert_plain_dutch_errors(response)
        assert Request.objects.count() == before
        return
    stored = assert_stored_once_with_confirmation(
        csrf_client, response, pairs, ASSESSMENT_URL, before
    )
    assert_assessment_round_trip(stored, pairs)
    stored = AssessmentRequest.objects.get(pk=stored.pk)
    number = phonenumbers.parse(as_cleaned(phone), "NL")
    assert stored.phone == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert stored.relation_other == as_cleaned(texts["relation_other"])


# ---------------------------------------------------------------------------
# Bel mij terug
# ---------------------------------------------------------------------------
CALLBACK_NAMES = sorted(callback_data())
CALLBACK_TEXT = free_text_fields(CallbackForm)


def assert_callback_round_trip(stored_request, pairs):
    stored = CallbackRequest.objects.get(pk=stored_request.pk)
    for name in CALLBACK_TEXT:
        assert getattr(stored, name) == as_cleaned(last(pairs, name) or ""), name
    assert stored.email == as_received(last(pairs, "email") or "").strip()


@hypothesis_settings("callback")
@given(
    changes=mutations(CALLBACK_NAMES),
    huge_change=st.none() | st.tuples(st.sampled_from(CALLBACK_NAMES), huge),
    as_multipart=st.booleans(),
)
@example(changes=[], huge_change=None, as_multipart=True)
@example(changes=[("set", "topic", "onbekend")], huge_change=None, as_multipart=False)
def test_the_callback_form_answers_any_input_with_a_page_or_a_stored_request(
    csrf_client, no_rate_limit, changes, huge_change, as_multipart
):
    pairs = apply(pairs_of(callback_data(ticket=ticket())), changes, huge_change)
    before = Request.objects.count()
    response = post_pairs(csrf_client, CALLBACK_URL, pairs, as_multipart=as_multipart)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        stored = assert_stored_once_with_confirmation(
            csrf_client, response, pairs, CALLBACK_URL, before
        )
        assert_callback_round_trip(stored, pairs)
    else:
        assert Request.objects.count() == before
        assert_a_page_that_keeps_what_was_typed(response, pairs, CallbackForm)
        assert_plain_dutch_errors(response)


@hypothesis_settings("callback_submit")
@given(
    name=st.one_of(value, boundary_text(CALLBACK_TEXT["contact_name"]), short_text),
    note=st.one_of(value, boundary_text(CALLBACK_TEXT["note"]), short_text, st.just("")),
    phone=st.one_of(st.sampled_from(VALID_PHONES), value),
)
def test_sending_a_callback_request_stores_exactly_what_was_typed_or_says_why_not(
    csrf_client, no_rate_limit, name, note, phone
):
    pairs = pairs_of(callback_data(ticket=ticket(), contact_name=name, note=note, phone=phone))
    note_refused = bool(as_cleaned(note)) and text_refused(CALLBACK_TEXT["note"], note)
    refused = text_refused(CALLBACK_TEXT["contact_name"], name) or note_refused
    before = Request.objects.count()

    response = post_pairs(csrf_client, CALLBACK_URL, pairs)

    if refused or response.status_code == 200:
        assert not (phone in VALID_PHONES and not refused), error_messages(response)
        assert_a_page_that_keeps_what_was_typed(response, pairs, CallbackForm)
        assert_plain_dutch_errors(response)
        assert Request.objects.count() == before
        return
    stored = assert_stored_once_with_confirmation(
        csrf_client, response, pairs, CALLBACK_URL, before
    )
    assert_callback_round_trip(stored, pairs)


# ---------------------------------------------------------------------------
# What the properties found, kept as plain examples
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "forged"),
    [
        ("is_urgent", "misschien"),
        ("relation", "buurman"),
        ("authority", "niemand"),
        ("other_parent_informed", "vervalst"),
        ("help_so_far", "vervalst"),
        ("preferred_channel", "duif"),
        ("best_moments", "nacht"),
        ("voicemail_allowed", "vervalst"),
        ("may_name_organisation", "vervalst"),
    ],
)
def test_an_answer_that_is_not_on_the_list_gets_a_plain_dutch_message(
    csrf_client, signs, field, forged
):
    data = assessment_data(**{field: forged})
    data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
    data["actie"] = "versturen"
    response = post_pairs(csrf_client, ASSESSMENT_URL, pairs_of(data))
    assert response.status_code == 200
    assert_plain_dutch_errors(response)
    assert forged not in " ".join(error_messages(response))
    assert not Request.objects.exists()


@pytest.mark.parametrize(("field", "forged"), [("topic", "x"), ("voicemail_allowed", "x")])
def test_a_callback_answer_that_is_not_on_the_list_gets_a_plain_dutch_message(
    csrf_client, field, forged
):
    response = post_pairs(csrf_client, CALLBACK_URL, pairs_of(callback_data(**{field: forged})))
    assert response.status_code == 200
    assert_plain_dutch_errors(response)
    assert not Request.objects.exists()


def test_a_phone_number_that_is_too_long_gets_a_plain_dutch_message(csrf_client):
    typed = "06 12345678 (alleen na 18 uur bellen, dan ben ik thuis)"
    response = post_pairs(csrf_client, CALLBACK_URL, pairs_of(callback_data(phone=typed)))
    assert response.status_code == 200
    assert_plain_dutch_errors(response)
    assert escape(typed) in response.content.decode()


def test_a_sign_removed_while_the_parent_was_typing_is_left_out_not_an_error(
    csrf_client, no_rate_limit, signs
):
    data = assessment_data(recognised_signs=[str(signs[0].pk), str(signs[1].pk)])
    data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
    data["actie"] = "versturen"
    Sign.objects.filter(pk=signs[1].pk).delete()  # an editor tidies up meanwhile ...
    publish()  # ... and a reviewer approves the shorter list
    response = post_pairs(csrf_client, ASSESSMENT_URL, pairs_of(data))
    assert response.status_code == 302, error_messages(response)
    assert AssessmentRequest.objects.get().recognised_signs == [signs[0].text]


def test_an_answer_to_a_question_not_asked_at_this_age_is_set_aside(csrf_client, no_rate_limit):
    # The child is 8: the form does not ask whether the child agrees, so it does not show
    # that question; a value for it (tampered) used to hold the form up without a word.
    data = assessment_data(child_informed="misschien")
    data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
    data["actie"] = "versturen"
    response = post_pairs(csrf_client, ASSESSMENT_URL, pairs_of(data))
    assert response.status_code == 302, error_messages(response)
    assert AssessmentRequest.objects.get().child_informed == YesNoUnknown.NOT_APPLICABLE


@pytest.mark.parametrize("field", ["ticket", "homepage"])
def test_a_mangled_hidden_field_never_blocks_a_parent(csrf_client, no_rate_limit, field):
    # The ticket and the honeypot are for the server; a NUL byte in one (a broken
    # proxy, a robot) flags the request for a person to look at, it does not refuse it.
    data = callback_data(**{field: "1\x00"})
    response = post_pairs(csrf_client, CALLBACK_URL, pairs_of(data))
    assert response.status_code == 302, error_messages(response)
    assert Request.objects.get().is_suspected_spam


def test_unicode_names_are_stored_exactly_as_typed_after_normalising(csrf_client, no_rate_limit):
    name = "  Zoe\u0308 \u2067مريم\u2069 🧒🏽  "
    response = post_pairs(csrf_client, CALLBACK_URL, pairs_of(callback_data(contact_name=name)))
    assert response.status_code == 302
    assert CallbackRequest.objects.get().contact_name == unicodedata.normalize("NFC", name.strip())
