"""The content models keep their own rules: unique anchors, free slugs, live search text."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from content.cache import phone_uri
from content.models import Fact, Page, Section, Sign, StaffProfile
from tests.factories import publish

pytestmark = pytest.mark.django_db


def test_the_phone_number_becomes_an_international_tel_link():
    assert phone_uri("0493 - 327506") == "tel:+31493327506"
    assert phone_uri("+32 2 123 45 67") == "tel:+3221234567"


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


def test_the_search_text_follows_the_live_copy_not_the_working_copy(db):
    page = Page.objects.create(title="T", slug="t", summary="Kort.")
    section = Section.objects.create(page=page, heading="Kop", body="Een **uniek** woord.")
    page.refresh_from_db()
    assert "uniek" not in page.search_text  # not approved yet

    publish(page)
    page.refresh_from_db()
    assert "Kop" in page.search_text and "Een uniek woord." in page.search_text

    section.delete()
    page.refresh_from_db()
    assert "uniek" in page.search_text  # parents still read it until the next approval
    publish(page)
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
    for model in (Page, Section, Sign, Fact, StaffProfile):
        for field in model._meta.get_fields():
            if getattr(field, "editable", False) and not field.auto_created:
                if (model, field.name) in {(Fact, "key"), (Fact, "value"), (StaffProfile, "user")}:
                    continue  # shown with the fact's own help, or a plain choice of user
                assert field.help_text, f"{model.__name__}.{field.name} has no help_text"
