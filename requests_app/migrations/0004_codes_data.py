"""States as codes (2 of 3): English values instead of stored Dutch words, spam reasons as a list
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
    # Data only: on PostgreSQL, rows changed in a transaction block a later ALTER TABLE in it.

    dependencies = [
        ('requests_app', '0003_codes_schema'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
