"""States as codes (3 of 3): the spam reasons' list of codes takes the old field's name."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('requests_app', '0004_codes_data'),
    ]

    operations = [
        migrations.RemoveField(model_name='request', name='spam_reasons'),
        migrations.RenameField(model_name='request', old_name='spam_reason_codes', new_name='spam_reasons'),
    ]
