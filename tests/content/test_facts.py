"""The organisation's facts: a concept never reaches a parent; confirming needs its own
permission, refuses bad values with a Dutch message, and is logged."""

import pytest
from django.contrib.auth.models import Permission

from content.cache import get_site_context
from content.facts.api import Facts, confirmed_facts, fill_fact_blocks
from content.facts.changes import FactError, confirm, propose, withdraw
from content.facts.hours import OpeningHours
from content.models import Fact, FactChange
from tests.factories import confirm_fact, make_editor, make_superuser

from .html import form_data

pytestmark = pytest.mark.django_db

FACT_ADMIN = "/beheer/content/fact"


def fact(key):
    return Fact.objects.get(key=key)


def confirmer():
    user = make_editor()
    user.user_permissions.add(Permission.objects.get(codename="confirm_fact"))
    return user


# -- the API ---------------------------------------------------------------------------------


def test_a_concept_gives_nothing_and_a_confirmed_fact_gives_its_value(site_content):
    facts = confirmed_facts()
    assert facts.email is None and facts["email"] is None
    assert facts.response_days is None
    assert facts.opening_hours is None
    assert facts.display("email") == ""
    assert Fact.objects.get(key="email").value == "info@bijzonderjeugdwerk.nl"  # the concept

    confirm_fact("email", "info@bijzonderjeugdwerk.nl")
    confirm_fact("response_days", 3)
    confirm_fact("opening_hours", {str(d): ["09:00", "17:00"] for d in range(1, 6)})
    facts = confirmed_facts()
    assert facts.email == "info@bijzonderjeugdwerk.nl"
    assert facts.response_days == 3
    assert facts.display("response_days") == "3 werkdagen"
    assert str(facts.opening_hours) == "maandag tot en met vrijdag van 9.00 tot 17.00 uur"


def test_the_site_context_carries_confirmed_facts_only(site_content):
    assert set(get_site_context().facts.stored) == {
        "organisation_name",
        "phone",
        "nika_ages",
        "nika_sessions",
    }


def test_an_unknown_fact_is_an_error_in_code_and_nothing_in_a_template():
    facts = Facts({})
    with pytest.raises(AttributeError):
        _ = facts.no_such_fact
    with pytest.raises(KeyError):
        _ = facts["no_such_fact"]


def test_name_and_phone_always_have_a_value():
    facts = Facts({})
    assert (facts.organisation_name, facts.phone) == ("Bijzonder Jeugdwerk", "0493 - 327506")


def test_a_fact_paragraph_reads_the_confirmed_value_its_fallback_or_nothing():
    html = (
        "<p>Intro.</p><p>[[feit:waiting_time]]</p><p>[[feit:response_days]]</p><p>[[feit:typo]]</p>"
    )
    unconfirmed = fill_fact_blocks(html, Facts({}))
    assert unconfirmed == (
        "<p>Intro.</p><p>Wilt u weten hoe lang de wachttijd nu is? Bel ons: 0493 - 327506.</p>"
    )
    confirmed = fill_fact_blocks(
        html, Facts({"waiting_time": "ongeveer 6 weken", "response_days": 2})
    )
    assert confirmed == (
        "<p>Intro.</p><p>De wachttijd voor een onderzoek is nu ongeveer 6 weken.</p>"
        "<p>Wij nemen binnen 2 werkdagen contact met u op.</p>"
    )


def test_a_fact_value_is_escaped_in_a_page():
    html = fill_fact_blocks("<p>[[feit:waiting_time]]</p>", Facts({"waiting_time": "<b>6</b>"}))
    assert "<b>" not in html and "&lt;b&gt;6&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("stored", "sentence"),
    [
        ({"1": ["09:00", "17:00"]}, "op maandag van 9.00 tot 17.00 uur"),
        (
            {"1": ["09:00", "12:00"], "2": ["09:00", "12:00"], "4": ["13:30", "17:00"]},
            "op maandag en dinsdag van 9.00 tot 12.00 uur en op donderdag van 13.30 tot 17.00 uur",
        ),
        (
            {str(d): ["08:30", "16:30"] for d in range(1, 5)} | {"5": ["08:30", "12:00"]},
            "maandag tot en met donderdag van 8.30 tot 16.30 uur en op vrijdag van 8.30 tot 12.00 uur",
        ),
    ],
)
def test_opening_hours_read_as_plain_dutch(stored, sentence):
    assert str(OpeningHours.from_json(stored)) == sentence


# -- proposing, confirming, withdrawing ----------------------------------------------------


def test_an_editor_may_propose_but_not_confirm(site_content):
    editor = make_editor()
    assert propose(fact("email"), "hallo@bijzonderjeugdwerk.nl", user=editor)
    with pytest.raises(FactError) as refused:
        confirm(fact("email"), user=editor)
    assert refused.value.code == "permission"
    assert confirmed_facts().email is None


def test_confirming_is_logged_with_who_when_and_the_old_and_new_value(site_content):
    user = confirmer()
    confirm(fact("phone"), user=user)  # the same value: still a confirmation on record
    propose(fact("phone"), "040 - 1234567", user=user)
    assert confirmed_facts().phone == "0493 - 327506"  # parents keep the confirmed number
    confirm(fact("phone"), user=user)

    log = list(FactChange.objects.filter(fact__key="phone").order_by("at", "pk"))
    assert [(c.action, c.username, c.old_value, c.new_value) for c in log] == [
        ("confirmed", user.username, "0493 - 327506", "0493 - 327506"),
        ("proposed", user.username, "0493 - 327506", "040 - 1234567"),
        ("confirmed", user.username, "0493 - 327506", "040 - 1234567"),
    ]
    phone = fact("phone")
    assert (phone.confirmed_by, phone.state) == (user, Fact.State.CONFIRMED)
    assert confirmed_facts().phone == "040 - 1234567"


def test_an_empty_fact_cannot_be_confirmed(site_content):
    with pytest.raises(FactError) as refused:
        confirm(fact("waiting_time"), user=confirmer())
    assert refused.value.code == "empty"
    assert fact("waiting_time").confirmed_value is None


def test_a_withdrawn_fact_leaves_the_site_at_once(client, site_content):
    confirm_fact("email", "info@bijzonderjeugdwerk.nl")
    assert "info@bijzonderjeugdwerk.nl" in client.get("/contact/").content.decode()
    assert withdraw(fact("email"), user=confirmer())
    assert "info@bijzonderjeugdwerk.nl" not in client.get("/contact/").content.decode()
    assert FactChange.objects.filter(fact__key="email", action="withdrawn").exists()


# -- the admin -------------------------------------------------------------------------------


def post_fact(client, key, button="_save", **values):
    url = f"{FACT_ADMIN}/{fact(key).pk}/change/"
    data = form_data(client.get(url).content, "fact_form")
    data.update(values)
    data[button] = "x"
    return client.post(url, data, follow=True)


def test_the_fact_list_shows_what_parents_see_the_proposal_and_where_it_is_used(
    client, site_content
):
    client.force_login(make_superuser())
    html = client.get(f"{FACT_ADMIN}/").content.decode()
    assert "niets: nog niet bevestigd" in html
    assert "Helmond, Deurne, Den Bosch, Milheeze, Venlo" in html  # the proposal
    assert "0493 - 327506" in html
    page = client.get(f"{FACT_ADMIN}/{fact('locations').pk}/change/").content.decode()
    assert "voettekst" in page and "contactpagina" in page  # where the site uses it


def test_an_editor_saves_a_proposal_and_gets_no_confirm_button(client, site_content):
    client.force_login(make_editor())
    url = f"{FACT_ADMIN}/{fact('waiting_time').pk}/change/"
    assert 'name="_confirm"' not in client.get(url).content.decode()
    response = post_fact(client, "waiting_time", value_input="ongeveer 6 weken")
    assert "Uw voorstel is bewaard." in response.content.decode()
    assert fact("waiting_time").value == "ongeveer 6 weken"
    # A forged confirm is refused beside the form, and nothing is confirmed.
    response = post_fact(client, "waiting_time", button="_confirm")
    assert "U mag feiten voorstellen, niet bevestigen." in response.content.decode()
    assert fact("waiting_time").confirmed_value is None


def test_someone_allowed_confirms_in_the_admin(client, site_content):
    client.force_login(confirmer())
    response = post_fact(client, "response_days", button="_confirm", value_input="2")
    assert "Bevestigd: ouders zien deze waarde nu op de site." in response.content.decode()
    assert fact("response_days").confirmed_value == 2


@pytest.mark.parametrize(
    ("key", "values", "message"),
    [
        ("email", {"value_input": "geen adres"}, "Dit is geen geldig e-mailadres"),
        ("response_days", {"value_input": "-2"}, "Vul een aantal werkdagen van 1 of meer in."),
        ("response_days", {"value_input": "drie"}, "Vul een heel getal in"),
        (
            "opening_hours",
            {"value_input_maandag_van": "17:00", "value_input_maandag_tot": "09:00"},
            "Op maandag moet de eindtijd na de begintijd liggen.",
        ),
        (
            "assessment_ages",
            {"value_input_van": "19", "value_input_tot": "4"},
            "De tweede leeftijd moet hoger zijn dan de eerste.",
        ),
        ("waiting_time", {"value_input": ""}, "Een leeg feit kan niet bevestigd worden."),
        ("phone", {"value_input": "12"}, "Dit is geen geldig telefoonnummer"),
    ],
)
def test_a_malformed_or_empty_value_is_refused_and_changes_nothing(
    client, site_content, key, values, message
):
    client.force_login(confirmer())
    before = (fact(key).value, fact(key).confirmed_value, FactChange.objects.count())
    response = post_fact(client, key, button="_confirm", **values)
    assert message in response.content.decode()
    assert (fact(key).value, fact(key).confirmed_value, FactChange.objects.count()) == before


def test_facts_cannot_be_added_or_deleted_in_the_admin(client, site_content):
    client.force_login(make_superuser())
    assert client.get(f"{FACT_ADMIN}/add/").status_code == 403
    assert (
        client.post(f"{FACT_ADMIN}/{fact('email').pk}/delete/", {"post": "yes"}).status_code == 403
    )


def test_the_log_of_fact_changes_is_read_only(client, site_content):
    confirm_fact("email", "info@bijzonderjeugdwerk.nl")
    client.force_login(make_superuser())
    change = FactChange.objects.first()
    assert client.get("/beheer/content/factchange/").status_code == 200
    assert client.get("/beheer/content/factchange/add/").status_code == 403
    response = client.post(f"/beheer/content/factchange/{change.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403


def test_staff_without_fact_permissions_are_refused_before_anything_happens(client, site_content):
    # Intake works requests, not content: every fact screen is refused, and a forged post
    # (even one that asks to confirm) changes, proposes or logs nothing.
    from tests.factories import make_intake_member

    client.force_login(make_intake_member())
    columns = ("key", "value", "confirmed_value", "confirmed_at", "source")
    before = (list(Fact.objects.values_list(*columns)), FactChange.objects.count())
    change = f"{FACT_ADMIN}/{fact('phone').pk}/change/"
    assert client.get(f"{FACT_ADMIN}/").status_code == 403
    assert client.get(change).status_code == 403
    missing = Fact.objects.order_by("-pk").first().pk + 1
    assert client.get(f"{FACT_ADMIN}/{missing}/change/").status_code == 403
    for button in ("_save", "_confirm", "_withdraw"):
        response = client.post(change, {"value_input": "06 12345678", "source": "x", button: "x"})
        assert response.status_code == 403, button
    assert (list(Fact.objects.values_list(*columns)), FactChange.objects.count()) == before
