"""Two groups made by a migration, and the boundaries between them: Redactie never
reaches a request (not even a count), Intake never edits content."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from requests_app.groups import INTAKE, REDACTIE, sync_staff_groups
from tests.factories import make_assessment_request, make_note
from tests.helpers.triage import change_url

CONTENT_MODELS = list(apps.get_app_config("content").get_models())


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_the_migration_made_both_groups(db):
    assert set(
        Group.objects.filter(name__in=[INTAKE, REDACTIE]).values_list("name", flat=True)
    ) == {
        INTAKE,
        REDACTIE,
    }


def test_intake_may_view_and_change_requests_add_notes_and_read_the_logs(db):
    perms = codenames(INTAKE)
    for codename in (
        "view_request",
        "change_request",
        "add_internalnote",
        "view_accesslogentry",
    ):
        assert ("requests_app", codename) in perms
    assert ("requests_app", "add_request") not in perms
    assert ("requests_app", "delete_request") not in perms
    assert ("requests_app", "change_accesslogentry") not in perms
    assert ("requests_app", "delete_accesslogentry") not in perms
    assert not {app for app, _ in perms} - {"requests_app"}


def test_redactie_edits_content_but_never_approves_confirms_or_sees_requests(db):
    perms = codenames(REDACTIE)
    for model in ("page", "section", "sign"):
        for action in ("add", "change", "delete", "view"):
            assert ("content", f"{action}_{model}") in perms
    assert ("content", "change_fact") in perms  # proposes facts
    for power in ("confirm_fact", "approve_version", "review_page"):
        assert ("content", power) not in perms
    assert {app for app, _ in perms} == {"content"}


def test_syncing_again_repairs_a_crossed_boundary_and_keeps_extra_grants(db):
    from django.contrib.auth.models import Permission

    redactie = Group.objects.get(name=REDACTIE)
    intake = Group.objects.get(name=INTAKE)
    redactie.permissions.add(Permission.objects.get(codename="view_request"))
    intake.permissions.add(Permission.objects.get(codename="export_request"))
    sync_staff_groups()
    assert ("requests_app", "view_request") not in codenames(REDACTIE)
    assert ("requests_app", "export_request") in codenames(INTAKE)


# -- Redactie cannot reach any request URL ----------------------------------


def request_urls(request):
    return [
        ("get", reverse("admin:requests_app_request_changelist")),
        ("get", reverse("admin:requests_app_request_changelist") + "?status=alle"),
        ("get", change_url(request)),
        ("post", change_url(request)),
        ("get", reverse("admin:requests_app_request_history", args=[request.pk])),
        ("get", reverse("admin:requests_app_request_delete", args=[request.pk])),
        ("get", reverse("admin:requests_app_request_add")),
        ("post", reverse("admin:requests_app_request_export")),
        ("get", reverse("admin:requests_app_request_family")),
        ("get", reverse("admin:requests_app_request_family") + f"?aanvraag={request.pk}"),
        ("post", reverse("admin:requests_app_request_family")),
        ("post", reverse("admin:requests_app_request_family_erase")),
        ("get", reverse("admin:requests_app_request_calls")),
        ("get", reverse("admin:requests_app_request_call", args=[request.pk])),
        ("post", reverse("admin:requests_app_request_call", args=[request.pk])),
        ("get", reverse("admin:requests_app_accesslogentry_changelist")),
        ("get", reverse("admin:requests_app_purgelogentry_changelist")),
        ("get", reverse("admin:app_list", args=["requests_app"])),
    ]


def test_redactie_gets_403_or_404_on_every_request_url(client, editor):
    request = make_assessment_request(contact_name="Geheime Naam")
    make_note(request, text="Geheime notitie")
    client.force_login(editor)
    for method, url in request_urls(request):
        data = {"email": request.email} if method == "post" else None
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (method, url, response.status_code)
        assert "Geheime Naam" not in response.text
        assert request.reference not in response.text


def test_redactie_sees_no_request_counts_on_the_admin_index(client, editor):
    make_assessment_request(is_urgent=True)
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Aanvragen op dit moment" not in response.text
    assert reverse("admin:requests_app_request_changelist") not in response.text


def test_redactie_can_reach_the_content_admin(client, editor, site_content):
    registered = [m for m in CONTENT_MODELS if m in admin.site._registry]
    assert registered, "the content app registers its models in the admin"
    client.force_login(editor)
    for model in registered:
        url = reverse(f"admin:content_{model._meta.model_name}_changelist")
        # A singleton (the site facts) may redirect to its one change page.
        assert client.get(url, follow=True).status_code == 200, url


# -- Intake cannot edit content ---------------------------------------------


def test_intake_has_no_content_permission(intake):
    for model in CONTENT_MODELS:
        for action in ("add", "change", "delete"):
            assert not intake.has_perm(f"content.{action}_{model._meta.model_name}")


def test_intake_cannot_open_content_admin_pages(intake_client, site_content):
    checked = 0
    for model in CONTENT_MODELS:
        name = model._meta.model_name
        for view in ("changelist", "add"):
            try:
                url = reverse(f"admin:content_{name}_{view}")
            except NoReverseMatch:
                continue  # not in the admin at all: nobody can edit it there
            checked += 1
            # follow: the site facts' list forwards to its one change page
            assert intake_client.get(url, follow=True).status_code == 403, url
        obj = model.objects.first()
        if obj is not None:
            for view in ("change", "delete"):
                try:
                    url = reverse(f"admin:content_{name}_{view}", args=[obj.pk])
                except NoReverseMatch:
                    continue
                checked += 1
                assert intake_client.post(url, {"post": "yes"}).status_code == 403, url
    assert checked, "the content app registers its models in the admin"


def test_intake_may_not_export_or_use_family_data_without_a_dedicated_permission(
    intake_client,
):
    make_assessment_request()
    assert intake_client.post(reverse("admin:requests_app_request_export")).status_code == 403
    assert intake_client.get(reverse("admin:requests_app_request_family")).status_code == 403


def test_nobody_can_add_or_delete_a_request_in_the_admin(client, admin_user):
    request = make_assessment_request()
    client.force_login(admin_user)
    assert client.get(reverse("admin:requests_app_request_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:requests_app_request_delete", args=[request.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert request.__class__.objects.filter(pk=request.pk).exists()
