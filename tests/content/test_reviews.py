"""Named clinical review: only an inhoudelijk deskundige with a public name marks a page
checked; the page then says who and when; what is due is listed and mailed."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from content.models import Page, PageReview
from content.publishing import PublishingError
from content.reviews import add_months, due_for_review, mark_reviewed
from tests.factories import make_editor, make_reviewer, make_superuser

from .html import main_text

pytestmark = pytest.mark.django_db

URL = "/wat-is-hechting/"


@pytest.fixture
def page(site_content):
    return Page.objects.get(slug="wat-is-hechting")


def test_only_a_reviewer_with_a_public_name_and_profession_can_mark_a_page_reviewed(page):
    with pytest.raises(PublishingError) as refused:
        mark_reviewed(page, reviewer=make_editor())
    assert refused.value.code == "permission"
    with pytest.raises(PublishingError) as refused:
        mark_reviewed(page, reviewer=make_reviewer(public_name="", profession=""))
    assert refused.value.code == "no_profile"
    assert not PageReview.objects.exists()


def test_a_review_names_the_reviewer_and_the_next_check_on_the_page(client, page):
    reviewer = make_reviewer(public_name="Drs. A. de Vries", profession="orthopedagoog generalist")
    page.review_interval_months = 6
    page.save()
    mark_reviewed(page, reviewer=reviewer, today=datetime.date(2026, 8, 31))

    text = main_text(client.get(URL).content)
    assert (
        "Gecontroleerd door Drs. A. de Vries, orthopedagoog generalist, op 31 augustus 2026. "
        "Volgende controle: 28 februari 2027."
    ) in text
    review = PageReview.objects.get()
    assert review.version == page.live_version
    # The line keeps the name as it was when the review was made.
    reviewer.content_profile.public_name = "Dr. A. de Vries"
    reviewer.content_profile.save()
    assert "Drs. A. de Vries" in main_text(client.get(URL).content)


def test_months_are_added_the_calendar_way():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 15), 12) == datetime.date(2027, 11, 15)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)


def test_the_admin_button_marks_a_page_reviewed_for_a_reviewer_only(client, page):
    url = f"/beheer/content/page/{page.pk}/change/"
    client.force_login(make_editor())
    assert "Markeer als inhoudelijk gecontroleerd" not in client.get(url).content.decode()
    response = client.post(f"/beheer/content/page/{page.pk}/gecontroleerd/", follow=True)
    assert "Alleen een inhoudelijk deskundige" in response.content.decode()
    assert not PageReview.objects.exists()

    client.force_login(make_reviewer(public_name="Drs. A. de Vries"))
    assert "Markeer als inhoudelijk gecontroleerd" in client.get(url).content.decode()
    response = client.post(f"/beheer/content/page/{page.pk}/gecontroleerd/", follow=True)
    assert "is gemarkeerd als gecontroleerd door Drs. A. de Vries" in response.content.decode()
    assert PageReview.objects.get().page == page


def test_pages_due_are_the_overdue_and_the_never_checked_ones(page):
    today = datetime.date(2026, 12, 2)
    due = {p.slug for p in due_for_review(today)}
    # Home and the twelve guide pages need checking; contact, privacy and accessibility do not.
    assert len(due) == 13 and "contact" not in due
    reviewer = make_reviewer()
    mark_reviewed(page, reviewer=reviewer, today=datetime.date(2025, 12, 1))
    assert page.slug in {p.slug for p in due_for_review(today)}  # a year and a day ago
    mark_reviewed(page, reviewer=reviewer, today=today)
    assert page.slug not in {p.slug for p in due_for_review(today)}


def test_the_review_command_mails_the_reviewers_the_pages_due(site_content):
    reviewer = make_reviewer(email="deskundige@example.org")
    make_editor(email="redactie@example.org")
    call_command("content_review_due", verbosity=0)
    [message] = mail.outbox
    assert message.to == ["deskundige@example.org"]
    assert message.subject == "Inhoudelijke controle nodig: 13 pagina's"
    assert "Wat is hechting? (nog nooit gecontroleerd)" in message.body
    assert "/beheer/content/page/" in message.body

    for page in Page.objects.needing_review():
        mark_reviewed(page, reviewer=reviewer)
    mail.outbox.clear()
    call_command("content_review_due", verbosity=0)
    assert mail.outbox == []


def test_the_review_command_only_lists_with_dry_run(site_content, capsys):
    make_reviewer(email="deskundige@example.org")
    call_command("content_review_due", dry_run=True)
    assert mail.outbox == []
    assert "Wat is hechting?" in capsys.readouterr().out


# -- work lists on the admin index -------------------------------------------------------------


def test_each_role_sees_what_waits_for_it_on_the_admin_index(client, site_content):
    from content.publishing import record_change
    from tests.factories import confirm_fact

    editor = make_editor()
    page = Page.objects.get(slug="contact")
    page.title = "Contact opnemen"
    page.save()
    version = record_change(page, author=editor)
    confirm_fact("response_days", 3)  # one fact less to confirm

    client.force_login(editor)
    html = client.get("/beheer/").content.decode()
    assert "Uw wijzigingen die wachten op goedkeuring (1)" in html
    assert "Feiten om te bevestigen" not in html and "Inhoudelijke controle nodig" not in html

    client.force_login(make_reviewer())
    html = client.get("/beheer/").content.decode()
    assert "Wijzigingen die wachten op goedkeuring (1)" in html
    assert f"/beheer/content/version/{version.pk}/vergelijken/" in html
    assert "Inhoudelijke controle nodig (13)" in html

    client.force_login(make_superuser())
    html = client.get("/beheer/").content.decode()
    assert "Feiten om te bevestigen (7)" in html
