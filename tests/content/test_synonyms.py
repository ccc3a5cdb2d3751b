"""The synonym list editors keep: every word of it is a real word, and no entry leads back
to itself (a loop would make a search find everything)."""

import pytest
from django.core.exceptions import ValidationError

from content.models import Synonym
from content.search.synonyms import expand
from content.seed.synonyms import SYNONYMS
from tests.factories import make_editor

from .html import form_data

pytestmark = pytest.mark.django_db


def test_the_seeded_list_is_free_of_loops_and_empty_words(site_content):
    assert Synonym.objects.count() == len(SYNONYMS)
    for synonym in Synonym.objects.all():
        synonym.full_clean()


@pytest.mark.parametrize(
    ("word", "alternatives", "message"),
    [
        ("", "vergoeding", "Vul een zoekwoord in."),
        ("kosten", " , ,", "Vul minstens één woord in dat dit zoekwoord ook vindt."),
        ("kosten", "prijs, kosten", "‘kosten’ kan niet naar zichzelf verwijzen."),
    ],
)
def test_empty_words_and_a_word_finding_itself_are_refused(db, word, alternatives, message):
    with pytest.raises(ValidationError) as refused:
        Synonym(word=word, alternatives=alternatives).full_clean()
    assert message in str(refused.value)


def test_a_loop_through_other_entries_is_refused_naming_the_loop(db):
    Synonym.objects.create(word="boos", alternatives="agressief")
    Synonym.objects.create(word="agressief", alternatives="woede")
    with pytest.raises(ValidationError) as refused:
        Synonym(word="woede", alternatives="boos").full_clean()
    assert "Dit maakt een kring: woede → boos → agressief → woede." in str(refused.value)


def test_words_are_tidied_when_saved(db):
    synonym = Synonym(
        word="  Kosten ", alternatives="Vergoeding,\nbetalen , eigen   bijdrage, betalen"
    )
    synonym.full_clean()
    assert synonym.word == "kosten"
    assert synonym.alternatives == "vergoeding, betalen, eigen bijdrage"


def test_a_question_word_brings_its_synonyms_followed_through_the_list(db):
    Synonym.objects.create(word="kosten", alternatives="vergoeding, eigen bijdrage")
    Synonym.objects.create(word="vergoeding", alternatives="declaratie")
    # "kost" is "kosten" in another form.
    assert expand(["kost", "slaapt"]) == [
        ("kost", "vergoeding", "eigen bijdrage", "declaratie"),
        ("slaapt",),
    ]


def test_editors_keep_the_list_in_the_admin_with_dutch_messages(client, db):
    client.force_login(make_editor())
    url = "/beheer/content/synonym/add/"
    data = form_data(client.get(url).content, "synonym_form")
    data.update({"word": "boos", "alternatives": "boos"})
    response = client.post(url, data)
    assert "‘boos’ kan niet naar zichzelf verwijzen." in response.content.decode()
    data.update({"alternatives": "agressief, woede"})
    assert client.post(url, data).status_code == 302
    assert Synonym.objects.get(word="boos").alternative_list == ["agressief", "woede"]
