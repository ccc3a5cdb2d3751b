from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_existing_content_to_facts_and_versions"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='page',
            name='reviewed_by',
        ),
        migrations.RemoveField(
            model_name='page',
            name='reviewed_on',
        ),
        migrations.DeleteModel(
            name='Location',
        ),
        migrations.DeleteModel(
            name='SiteFacts',
        ),
    ]
