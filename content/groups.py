"""The content roles, kept in code: Redactie writes, Inhoudelijk deskundige checks.

* Redactie: edits pages, sections and signs (each save is a version waiting for approval),
  proposes organisation facts; reads versions, reviews and the log of fact changes.
* Inhoudelijk deskundige (a GZ-psycholoog, orthopedagoog generalist or the like): may also
  approve other people's changes, restore versions and mark pages as reviewed; their
  public name and profession come from their staff profile.
* Confirming a fact of the organisation ("Mag feiten van de organisatie bevestigen") is
  given per person by an administrator, to whoever speaks for the organisation.

``sync_content_groups`` runs in a data migration and after every ``migrate``. It adds what
a role needs and removes what would cross its boundary (never confirm_fact; approving and
reviewing for Redactie).
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

REDACTIE = "Redactie"
DESKUNDIGE = "Inhoudelijk deskundige"

APP = "content"
EDIT = [
    f"{action}_{model}"
    for model in ("page", "section", "sign", "synonym")
    for action in ("add", "change", "delete", "view")
]
READ = [
    "change_fact",
    "view_fact",
    "view_factchange",
    "view_version",
    "view_pagereview",
    "view_staffprofile",
]
ROLES = {
    REDACTIE: EDIT + READ,
    DESKUNDIGE: [*EDIT, *READ, "approve_version", "review_page"],
}
NEVER = {"confirm_fact"}


def sync_content_groups(apps=global_apps, using=DEFAULT_DB_ALIAS):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_perms = Permission.objects.using(using).filter(content_type__app_label=APP)
    for name, codenames in ROLES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*content_perms.filter(codename__in=codenames))
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label=APP).exclude(codename__in=codenames)
        )
        group.permissions.remove(*group.permissions.filter(codename__in=NEVER))


def sync_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    try:
        apps.get_model("auth", "Group")
        apps.get_model(APP, "Version")
    except LookupError:  # migrating backwards past our tables
        return
    sync_content_groups(apps=apps, using=using)
