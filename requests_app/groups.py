"""The two staff roles, kept in code: Intake works the request queue, Redactie the content.

``sync_staff_groups`` runs in a data migration (so a fresh database has both groups) and
after every ``migrate`` (so permissions of models added later reach the right group).
It adds what a role needs and removes what would cross its boundary; an administrator's
extra grants inside the boundary (for example "export" for one Intake group) are kept.
Administrators are superusers and belong to neither group.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from content.groups import DESKUNDIGE, REDACTIE

INTAKE = "Intake"
CONTENT_ROLES = (REDACTIE, DESKUNDIGE)

REQUESTS_APP = "requests_app"
CONTENT_APPS = ("content",)

# Requests: view and change (status, assignment, priority), add internal notes and call
# attempts, read the access and purge logs. Not: add or delete requests, export, family
# data (AVG).
INTAKE_PERMISSIONS = (
    "view_request",
    "change_request",
    "view_assessmentrequest",
    "view_callbackrequest",
    "view_requestevent",
    "view_internalnote",
    "add_internalnote",
    "view_callattempt",
    "add_callattempt",
    "view_accesslogentry",
    "view_purgelogentry",
)


def sync_staff_groups(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create or repair the Intake and Redactie groups."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using)

    intake, _ = Group.objects.using(using).get_or_create(name=INTAKE)
    intake.permissions.add(
        *permissions.filter(content_type__app_label=REQUESTS_APP, codename__in=INTAKE_PERMISSIONS)
    )
    intake.permissions.remove(*intake.permissions.filter(content_type__app_label__in=CONTENT_APPS))

    # The content roles (Redactie, Inhoudelijk deskundige) are content's own (content/groups.py);
    # whatever they hold, they never see requests: not the queue, the counts or the logs.
    for name in CONTENT_ROLES:
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.remove(*group.permissions.filter(content_type__app_label=REQUESTS_APP))


def sync_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver (connected for this app, after auth made the permissions)."""
    try:
        apps.get_model("auth", "Group")
        apps.get_model(REQUESTS_APP, "Request")
    except LookupError:  # migrating backwards past our tables
        return
    sync_staff_groups(apps=apps, using=using)
