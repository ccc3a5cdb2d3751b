"""Four-eyes publishing: a change to what parents read goes live only when a reviewer who
did not write it approves it; every version is kept and can be restored."""

import pytest

from content.models import Page, Sign, Version
from content.publishing import PublishingError, approve, pending_version, record_change, restore
from tests.factories import make_editor, make_reviewer, make_superuser

from .html import form_data, main_text

pytestmark = pytest.mark.django_db

URL = "/wat-is-hechting/"
NEW_TEXT = "Een kind hecht zich aan wie voor hem zorgt."


@pytest.fixture
def page(site_content):
    return Page.objects.get(slug="wat-is-hechting")


def edit(page, author, body=NEW_TEXT, title=None):
    section = page.sections.first()
    section.body = body
    section.save()
    if title:
        page.title = title
        page.save()
    return record_change(page, author=author)


def test_parents_keep_seeing_the_approved_text_until_a_reviewer_approves(client, page):
    editor, reviewer = make_editor(), make_reviewer()
    version = edit(page, editor, title="Wat is hechting precies?")
    assert version.state == Version.State.PENDING and version.number == 2

    text = main_text(client.get(URL).content)
    assert "Wat is hechting precies?" not in text and NEW_TEXT not in text
    assert "Wat is hechting?" in text

    approve(version, reviewer=reviewer)
    text = main_text(client.get(URL).content)
    assert "Wat is hechting precies?" in text and NEW_TEXT in text
    version.refresh_from_db()
    assert (version.state, version.author, version.decided_by) == ("approved", editor, reviewer)
    page.refresh_from_db()
    assert page.live_version == version
    assert "hecht zich aan wie" in page.search_text


def test_the_author_cannot_approve_their_own_change(page):
    reviewer = make_reviewer()
    version = edit(page, reviewer)
    with pytest.raises(PublishingError) as refused:
        approve(version, reviewer=reviewer)
    assert refused.value.code == "own_change"
    assert str(refused.value).startswith("U heeft (een deel van) deze wijziging zelf geschreven.")
    assert Version.objects.get(pk=version.pk).state == Version.State.PENDING


def test_nobody_who_wrote_part_of_the_pending_change_may_approve_it(page):
    first, second = make_reviewer(), make_reviewer(public_name="B. Jansen")
    edit(page, first, body="Eerste versie van de tekst.")
    latest = edit(page, second, body="Tweede versie van de tekst.")
    with pytest.raises(PublishingError):
        approve(latest, reviewer=first)  # wrote the version underneath
    with pytest.raises(PublishingError):
        approve(latest, reviewer=second)
    approve(latest, reviewer=make_reviewer(public_name="C. de Wit"))


def test_a_version_that_is_no_longer_the_latest_cannot_be_approved(page):
    editor = make_editor()
    older = edit(page, editor, body="Eerste poging.")
    newer = edit(page, editor, body="Tweede poging.")
    with pytest.raises(PublishingError) as refused:
        approve(older, reviewer=make_reviewer())
    assert refused.value.code == "not_latest"
    assert Version.objects.get(pk=older.pk).state == Version.State.SUPERSEDED
    assert Version.objects.get(pk=newer.pk).state == Version.State.PENDING


def test_an_editor_cannot_approve_at_all(page):
    version = edit(page, make_editor())
    with pytest.raises(PublishingError) as refused:
        approve(version, reviewer=make_editor())
    assert refused.value.code == "permission"


def test_saving_without_a_change_makes_no_version_and_undoing_withdraws_it(page):
    editor = make_editor()
    assert record_change(page, author=editor) is None
    original = page.sections.first().body
    edit(page, editor, body="Iets anders.")
    assert pending_version(page) is not None
    assert edit(page, editor, body=original) is None  # back to what parents see
    assert pending_version(page) is None
    assert Version.objects.filter(page=page, state=Version.State.WITHDRAWN).count() == 1


def test_every_version_is_kept_and_an_earlier_one_can_be_restored_as_a_new_version(client, page):
    editor, reviewer, colleague = make_editor(), make_reviewer(), make_reviewer(public_name="B")
    original = page.live_version
    approve(edit(page, editor, body="Een tekst die niet goed bleek."), reviewer=reviewer)
    assert "Een tekst die niet goed bleek." in main_text(client.get(URL).content)

    restored = restore(original, actor=reviewer)
    assert (restored.number, restored.state, restored.restored_from) == (3, "pending", original)
    assert restored.data == original.data
    # Still needs another pair of eyes: the one who restored may not approve it.
    with pytest.raises(PublishingError):
        approve(restored, reviewer=reviewer)
    approve(restored, reviewer=colleague)
    assert "Een tekst die niet goed bleek." not in main_text(client.get(URL).content)
    assert list(
        Version.objects.filter(page=page).order_by("number").values_list("state", flat=True)
    ) == [
        "approved",
        "approved",
        "approved",
    ]


def test_an_editor_may_not_restore(page):
    with pytest.raises(PublishingError):
        restore(page.live_version, actor=make_editor())


def test_the_signs_list_is_versioned_like_a_page(client, site_content):
    editor, reviewer = make_editor(), make_reviewer()
    Sign.objects.create(text="het kind slaapt slecht", order=1)
    version = record_change(None, author=editor)
    assert "het kind slaapt slecht" not in client.get("/kenmerken-en-symptomen/").content.decode()
    assert "slaapt slecht" not in client.get("/onderzoek-aanvragen/").content.decode()
    with pytest.raises(PublishingError):
        approve(version, reviewer=editor)
    approve(version, reviewer=reviewer)
    assert "het kind slaapt slecht" in client.get("/kenmerken-en-symptomen/").content.decode()


# -- in the admin ----------------------------------------------------------------------------


def change_page(client, page, **changes):
    url = f"/beheer/content/page/{page.pk}/change/"
    data = form_data(client.get(url).content, "page_form")
    data.update(changes)
    return client.post(url, data, follow=True)


def test_the_preview_marks_what_changes_and_parents_see_none_of_it(client, page):
    editor = make_editor()
    client.force_login(editor)
    change_page(client, page, **{"sections-0-body": "Een volkomen nieuwe zin."})

    preview = client.get(URL + "?voorbeeld=1").content.decode()
    assert "wacht op goedkeuring" in preview
    assert "<ins>" in preview and "<del>" in preview
    assert "Een volkomen nieuwe zin." in main_text(preview)
    assert "private" in client.get(URL + "?voorbeeld=1")["Cache-Control"]

    client.logout()
    assert "Een volkomen nieuwe zin." not in client.get(URL + "?voorbeeld=1").content.decode()


def test_the_compare_page_shows_the_differences_and_lets_another_reviewer_approve(client, page):
    editor, reviewer = make_editor(), make_reviewer()
    version = edit(page, editor)
    client.force_login(reviewer)
    html = client.get(f"/beheer/content/version/{version.pk}/vergelijken/").content.decode()
    assert "<ins>" in html
    assert "Goedkeuren en publiceren" in html

    response = client.post(f"/beheer/content/version/{version.pk}/goedkeuren/", follow=True)
    assert "is goedgekeurd: ouders zien deze versie nu." in response.content.decode()
    assert NEW_TEXT in main_text(client.get(URL).content)


def test_the_compare_page_offers_no_approval_to_the_author_and_refuses_a_forged_one(client, page):
    reviewer = make_reviewer()
    version = edit(page, reviewer)
    client.force_login(reviewer)
    html = client.get(f"/beheer/content/version/{version.pk}/vergelijken/").content.decode()
    assert "Goedkeuren en publiceren" not in html
    assert "U schreef (een deel van) deze wijziging zelf." in html
    response = client.post(f"/beheer/content/version/{version.pk}/goedkeuren/", follow=True)
    assert "U heeft (een deel van) deze wijziging zelf geschreven." in response.content.decode()
    assert NEW_TEXT not in main_text(client.get(URL).content)


def test_approving_and_restoring_answer_post_only(client, page):
    version = edit(page, make_editor())
    client.force_login(make_superuser())
    assert client.get(f"/beheer/content/version/{version.pk}/goedkeuren/").status_code == 405
    assert client.get(f"/beheer/content/version/{version.pk}/terugzetten/").status_code == 405
