"""States as codes (1 of 3): room for the codes beside the old words."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('requests_app', '0002_staff_groups'),
    ]

    operations = [
        migrations.AddField(
            model_name='request',
            name='fill_seconds',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='invultijd (seconden)'),
        ),
        migrations.AddField(
            model_name='requestevent',
            name='detail',
            field=models.CharField(blank=True, help_text='Bijvoorbeeld het soort fout.', max_length=60, verbose_name='toelichting'),
        ),
        migrations.AlterField(
            model_name='assessmentrequest',
            name='authority',
            field=models.CharField(choices=[('both_parents', 'Beide ouders samen'), ('me_alone', 'Alleen ik'), ('other_parent', 'Alleen de andere ouder'), ('guardian', 'Een voogd (bijvoorbeeld Jeugdbescherming)'), ('unknown', 'Weet ik niet')], max_length=20, verbose_name='gezag'),
        ),
        migrations.AlterField(
            model_name='assessmentrequest',
            name='child_informed',
            field=models.CharField(choices=[('yes', 'Ja'), ('no', 'Nee'), ('not_applicable', 'Niet van toepassing')], default='not_applicable', max_length=16, verbose_name='kind (12–15) weet ervan en stemt in'),
        ),
        migrations.AlterField(
            model_name='assessmentrequest',
            name='may_name_organisation',
            field=models.BooleanField(default=False, verbose_name='mag zeggen van welke organisatie we bellen'),
        ),
        migrations.AlterField(
            model_name='assessmentrequest',
            name='other_parent_informed',
            field=models.CharField(choices=[('yes', 'Ja'), ('no', 'Nee'), ('not_applicable', 'Niet van toepassing')], default='not_applicable', max_length=16, verbose_name='andere gezaghebbende ouder weet ervan'),
        ),
        migrations.AlterField(
            model_name='assessmentrequest',
            name='preferred_channel',
            field=models.CharField(choices=[('phone', 'Telefoon'), ('email', 'E-mail')], default='phone', max_length=10, verbose_name='voorkeur contact'),
        ),
        migrations.AlterField(
            model_name='assessmentrequest',
            name='relation',
            field=models.CharField(choices=[('parent', 'Ouder'), ('foster_parent', 'Pleegouder'), ('adoptive_parent', 'Adoptieouder'), ('guardian', 'Voogd'), ('other', 'Anders')], max_length=20, verbose_name='relatie tot het kind'),
        ),
        migrations.AlterField(
            model_name='callbackrequest',
            name='callback_daypart',
            field=models.CharField(choices=[('morning', "'s Ochtends"), ('afternoon', "'s Middags"), ('evening', "'s Avonds")], max_length=10, verbose_name='dagdeel'),
        ),
        migrations.AlterField(
            model_name='callbackrequest',
            name='topic',
            field=models.CharField(choices=[('attachment', 'Hechting en hechtingsproblemen'), ('assessment', 'Psychologisch onderzoek'), ('nika', 'De NIKA-interventie'), ('other', 'Iets anders')], max_length=12, verbose_name='onderwerp'),
        ),
        migrations.AlterField(
            model_name='request',
            name='status',
            field=models.CharField(choices=[('new', 'Nieuw'), ('in_progress', 'In behandeling'), ('contacted', 'Contact opgenomen'), ('intake_planned', 'Intake gepland'), ('done', 'Afgerond'), ('referred', 'Doorverwezen'), ('cancelled', 'Geannuleerd'), ('spam', 'Spam')], db_index=True, default='new', max_length=20, verbose_name='status'),
        ),
        migrations.AddField(
            model_name='request',
            name='spam_reason_codes',
            field=models.JSONField(blank=True, default=list, help_text='Codes, zie SpamReason.', verbose_name='reden spamvermoeden'),
        ),
    ]
