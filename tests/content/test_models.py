"""The content models keep their own rules: one site-facts row, unique anchors, free slugs."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from content.models import Location, Page, Section, Sign, SiteFacts

pytestmark = pytest.mark.django_db


def test_there_is_only_ever_one_site_facts_row(db):
    first = SiteFacts.load()
    second = SiteFacts(organisation_name="Een tweede organisatie")
    second.save()

    assert SiteFacts.objects.count() == 1
    assert second.pk == first.pk
    assert SiteFacts.load().organisation_name == "Een tweede organisatie"


def test_site_facts_cannot_be_deleted(db):
    facts = SiteFacts.load()
    with pytest.raises(ValidationError):
        facts.delete()
    assert SiteFacts.objects.exists()


def test_site_facts_refuse_a_closing_time_before_the_opening_time(db):
    facts = SiteFacts.load()
    facts.opens_at, facts.closes_at = datetime.time(17), datetime.time(9)
    with pytest.raises(ValidationError) as error:
        facts.full_clean()
    assert "closes_at" in error.value.message_dict


def test_site_facts_give_the_phone_number_as_an_international_tel_link(db):
    assert SiteFacts.load().phone_uri == "tel:+31493327506"


def test_a_section_gets_an_anchor_from_its_heading_unique_on_its_page(db):
    page = Page.objects.create(title="T", slug="t")
    first = Section.objects.create(page=page, heading="Veilige haven")
    second = Section.objects.create(page=page, heading="Veilige haven")
    reserved = Section.objects.create(page=page, heading="In het kort")

    assert first.anchor == "veilige-haven"
    assert second.anchor == "veilige-haven-2"
    # "in-het-kort" is the id of the summary box on every page.
    assert reserved.anchor == "in-het-kort-2"


def test_a_slug_that_another_part_of_the_site_uses_is_refused(db):
    for slug in ["zoeken", "onderzoek-aanvragen", "bel-mij-terug"]:
        page = Page(title="Test", slug=slug)
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "slug" in error.value.message_dict


def test_a_changed_section_updates_the_page_search_text_and_last_change(db):
    page = Page.objects.create(title="T", slug="t", summary="Kort.")
    before = Page.objects.get(pk=page.pk).updated_at
    section = Section.objects.create(page=page, heading="Kop", body="Een **uniek** woord.")

    page.refresh_from_db()
    assert "Kop" in page.search_text and "Een uniek woord." in page.search_text
    assert page.updated_at > before

    section.delete()
    page.refresh_from_db()
    assert "uniek" not in page.search_text


def test_the_description_falls_back_to_the_start_of_in_het_kort(db):
    page = Page.objects.create(title="T", slug="t", summary="Een **korte** uitleg. " * 20)
    assert page.description.startswith("Een korte uitleg.")
    assert len(page.description) <= 160
    page.meta_description = "Eigen omschrijving."
    assert page.description == "Eigen omschrijving."


def test_overdue_reviews_are_found(db):
    today = timezone.localdate()
    late = Page.objects.create(
        title="Oud", slug="oud", next_review_due=today - datetime.timedelta(1)
    )
    Page.objects.create(title="Nieuw", slug="nieuw", next_review_due=today)
    Page.objects.create(title="Geen", slug="geen")

    assert list(Page.objects.review_overdue()) == [late]


def test_active_signs_come_in_their_order(db):
    Sign.objects.create(text="twee", order=20)
    Sign.objects.create(text="een", order=10)
    Sign.objects.create(text="uit", order=5, is_active=False)

    assert [s.text for s in Sign.objects.active()] == ["een", "twee"]


def test_every_editable_field_explains_itself_in_dutch(db):
    for model in (Page, Section, Sign, SiteFacts, Location):
        for field in model._meta.get_fields():
            if getattr(field, "editable", False) and not field.auto_created:
                if field.name == "facts":
                    continue
                assert field.help_text, f"{model.__name__}.{field.name} has no help_text"
