"""Create the staff groups Intake and Redactie (see requests_app/groups.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from requests_app.groups import INTAKE, REDACTIE, sync_staff_groups


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can
    # hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = None
    sync_staff_groups(apps=apps, using=schema_editor.connection.alias)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=[INTAKE, REDACTIE]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("requests_app", "0001_initial"),
        ("content", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
