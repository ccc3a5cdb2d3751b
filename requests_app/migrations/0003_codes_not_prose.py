"""States as codes: English values instead of stored Dutch words, spam reasons as a list
of codes (with the fill time in its own field), e-mail outcomes as choices.

Converts every existing row, the history's from/to values included, and back."""

import re

from django.db import migrations, models

STATUS = {
    "nieuw": "new",
    "in_behandeling": "in_progress",
    "contact_opgenomen": "contacted",
    "intake_gepland": "intake_planned",
    "afgerond": "done",
    "doorverwezen": "referred",
    "geannuleerd": "cancelled",
}
DAYPART = {"ochtend": "morning", "middag": "afternoon", "avond": "evening"}
RELATION = {
    "ouder": "parent",
    "pleegouder": "foster_parent",
    "adoptieouder": "adoptive_parent",
    "voogd": "guardian",
    "anders": "other",
}
AUTHORITY = {
    "beide_ouders": "both_parents",
    "alleen_ik": "me_alone",
    "andere_ouder": "other_parent",
    "voogd": "guardian",
    "weet_niet": "unknown",
}
YES_NO = {"ja": "yes", "nee": "no", "nvt": "not_applicable"}
HELP = {
    "geen": "none",
    "huisarts": "gp",
    "jeugdarts": "youth_doctor",
    "wijkteam": "municipality",
    "anders": "other",
}
CHANNEL = {"telefoon": "phone", "email": "email"}
TOPIC = {"hechting": "attachment", "onderzoek": "assessment", "nika": "nika", "anders": "other"}
SPAM_MARK = {"vermoedelijk spam": "suspected", "geen spam": "not_spam"}
RECIPIENT = {"intake": "intake", "ouder": "parent"}
SENT, WITHHELD = "verstuurd", "niet verstuurd: naam noemen mag niet"
REASONS = {
    "verborgen veld ingevuld": "honeypot",
    "geen geldig formulierkenmerk": "no_ticket",
    "te snel ingevuld": "too_fast",
    "te vaak verstuurd": "rate_limited",
}
TOO_FAST = re.compile(r"te snel ingevuld \((\d+) s\)")

FIELDS = [
    ("Request", "status", STATUS),
    ("CallbackRequest", "callback_daypart", DAYPART),
    ("CallbackRequest", "topic", TOPIC),
    ("AssessmentRequest", "relation", RELATION),
    ("AssessmentRequest", "authority", AUTHORITY),
    ("AssessmentRequest", "other_parent_informed", YES_NO),
    ("AssessmentRequest", "child_informed", YES_NO),
    ("AssessmentRequest", "preferred_channel", CHANNEL),
]
LISTS = [("help_so_far", HELP), ("best_moments", DAYPART)]


def _swap(mapping, backwards):
    return {v: k for k, v in mapping.items()} if backwards else mapping


def _convert_fields(apps, backwards):
    for model_name, field, mapping in FIELDS:
        model = apps.get_model("requests_app", model_name)
        for old, new in _swap(mapping, backwards).items():
            model.objects.filter(**{field: old}).update(**{field: new})
    model = apps.get_model("requests_app", "AssessmentRequest")
    for row in model.objects.only("pk", *(name for name, _ in LISTS)):
        values = {
            name: [_swap(mapping, backwards).get(v, v) for v in getattr(row, name) or []]
            for name, mapping in LISTS
        }
        model.objects.filter(pk=row.pk).update(**values)


def _convert_events(apps, backwards):
    event = apps.get_model("requests_app", "RequestEvent").objects
    for old, new in _swap(STATUS, backwards).items():
        event.filter(type="status", from_value=old).update(from_value=new)
        event.filter(type="status", to_value=old).update(to_value=new)
    for old, new in _swap(SPAM_MARK, backwards).items():
        event.filter(type="spam", from_value=old).update(from_value=new)
        event.filter(type="spam", to_value=old).update(to_value=new)
    notify = event.filter(type="notify")
    for old, new in _swap(RECIPIENT, backwards).items():
        notify.filter(from_value=old).update(from_value=new)
    if backwards:
        notify.filter(to_value="sent").update(to_value=SENT)
        notify.filter(to_value="withheld").update(to_value=WITHHELD)
        for e in notify.filter(to_value="failed"):
            e.to_value = f"mislukt: {e.detail}"[:60]
            e.save(update_fields=["to_value"])
        return
    notify.filter(to_value=SENT).update(to_value="sent")
    notify.filter(to_value=WITHHELD).update(to_value="withheld")
    for e in notify.filter(to_value__startswith="mislukt"):
        e.detail = e.to_value.partition(":")[2].strip()
        e.to_value = "failed"
        e.save(update_fields=["to_value", "detail"])


def _reason_codes(text):
    codes, seconds = [], None
    for part in filter(None, (p.strip() for p in text.split(", "))):
        match = TOO_FAST.fullmatch(part)
        if match:
            seconds = int(match.group(1))
            part = "te snel ingevuld"
        codes.append(REASONS.get(part, part))
    return codes, seconds


def forwards(apps, schema_editor):
    _convert_fields(apps, backwards=False)
    _convert_events(apps, backwards=False)
    request = apps.get_model("requests_app", "Request")
    for row in request.objects.exclude(spam_reasons=""):
        row.spam_reason_codes, row.fill_seconds = _reason_codes(row.spam_reasons)
        row.save(update_fields=["spam_reason_codes", "fill_seconds"])


def backwards(apps, schema_editor):
    _convert_fields(apps, backwards=True)
    _convert_events(apps, backwards=True)
    request = apps.get_model("requests_app", "Request")
    words = {v: k for k, v in REASONS.items()}
    for row in request.objects.exclude(spam_reason_codes=[]):
        texts = []
        for code in row.spam_reason_codes:
            text = words.get(code, code)
            if code == "too_fast" and row.fill_seconds is not None:
                text = f"{text} ({row.fill_seconds} s)"
            texts.append(text)
        row.spam_reasons = ", ".join(texts)[:100]
        row.save(update_fields=["spam_reasons"])


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
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name='request', name='spam_reasons'),
        migrations.RenameField(model_name='request', old_name='spam_reason_codes', new_name='spam_reasons'),
    ]
