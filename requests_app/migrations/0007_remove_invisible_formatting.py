"""Remove direction overrides and other invisible formatting from text stored before the
forms removed it on input (see requests_app/text.py): a name like "Jan \\u202eSPOED bel
112\\u202c de Vries" then reads as typed in the queue, and "Jan\\u200bsen" is found by a
search for "Jansen". Only those characters are removed; nothing else changes."""

from django.db import migrations

from requests_app.text import without_invisible_formatting

# (model, text fields) written by parents, and staff notes shown beside them.
TEXT_FIELDS = [
    ("Request", ["contact_name"]),
    (
        "AssessmentRequest",
        ["child_first_name", "child_residence", "relation_other", "worries", "help_other"],
    ),
    ("CallbackRequest", ["note"]),
    ("InternalNote", ["text"]),
    ("CallAttempt", ["note"]),
]


def remove_invisible_formatting(apps, schema_editor):
    for model_name, fields in TEXT_FIELDS:
        model = apps.get_model("requests_app", model_name)
        for pk, *values in model.objects.values_list("pk", *fields).iterator(chunk_size=500):
            cleaned = {
                name: without_invisible_formatting(value).strip()
                for name, value in zip(fields, values, strict=True)
                if value and without_invisible_formatting(value) != value
            }
            if cleaned:
                model.objects.filter(pk=pk).update(**cleaned)


class Migration(migrations.Migration):
    dependencies = [
        ("requests_app", "0006_call_attempts"),
    ]

    operations = [
        migrations.RunPython(remove_invisible_formatting, migrations.RunPython.noop, elidable=True),
    ]
