"""Plain helpers that make test objects: make_<thing>(**overrides)."""

import itertools

from django.contrib.auth import get_user_model

_seq = itertools.count(1)


def make_user(**overrides):
    n = next(_seq)
    data = {"username": f"medewerker{n}", "email": f"medewerker{n}@example.org"}
    password = overrides.pop("password", "een-lang-wachtwoord-2026")
    data.update(overrides)
    user = get_user_model().objects.create_user(password=password, **data)
    return user


def make_staff(**overrides):
    overrides.setdefault("is_staff", True)
    return make_user(**overrides)


def make_superuser(**overrides):
    overrides.setdefault("is_staff", True)
    overrides.setdefault("is_superuser", True)
    return make_user(**overrides)


# ---------------------------------------------------------------------------
# Content: pages, facts, reviewers
# ---------------------------------------------------------------------------


def publish(page=None):
    """Make the working copy of ``page`` (or of the signs list) live, as an approval does."""
    from content.publishing import start_live

    return start_live(page, note="test")


def make_page(*, sections=(), live=True, **overrides):
    """A published topic page with ``sections`` ((heading, body) pairs), live at once."""
    from content.models import Page, Section

    n = next(_seq)
    data = {
        "kind": Page.Kind.TOPIC,
        "title": f"Pagina {n}",
        "slug": f"pagina-{n}",
        "summary": "Een korte samenvatting.",
        "is_published": True,
        "order": 200 + n,
    }
    data.update(overrides)
    page = Page(**data)
    page.save()
    for i, (heading, body) in enumerate(sections, start=1):
        Section(page=page, order=i * 10, heading=heading, body=body).save()
    if live:
        publish(page)
        page.refresh_from_db()
    return page


def confirm_fact(key, value):
    """Give a fact ``value`` (stored JSON) and confirm it, as someone allowed to would."""
    from content.facts.changes import confirm, propose
    from content.models import Fact

    user = make_superuser()
    fact, _ = Fact.objects.get_or_create(key=key)
    propose(fact, value, user=user)
    return confirm(fact, user=user)


def make_reviewer(*, public_name="Drs. A. de Vries", profession="GZ-psycholoog", **overrides):
    """A member of Inhoudelijk deskundige with a public name and profession."""
    from django.contrib.auth.models import Group

    from content.groups import DESKUNDIGE
    from content.models import StaffProfile

    user = make_staff(**overrides)
    user.groups.add(Group.objects.get(name=DESKUNDIGE))
    if public_name or profession:
        StaffProfile.objects.create(user=user, public_name=public_name, profession=profession)
    return user


# ---------------------------------------------------------------------------
# Triage desk factories (requests_app admin): rows made directly through the ORM.
# References come from a counter here ("T" numbers), not from requests_app.submission.
# ---------------------------------------------------------------------------
_triage_seq = itertools.count(1)


def _request_defaults(n):
    from django.utils import timezone

    return {
        "contact_name": f"Ouder {n}",
        "email": f"ouder{n}@example.org",
        "phone": f"+316{10000000 + n:08d}",
        "consent_at": timezone.now(),
        "consent_version": "2026-01",
    }


def make_assessment_request(**overrides):
    import datetime

    from requests_app.models import AssessmentRequest, Kind

    n = next(_triage_seq)
    data = {
        **_request_defaults(n),
        "kind": Kind.ASSESSMENT,
        "reference": f"OZ-2026-T{n:04d}",
        "child_first_name": "Sam",
        "child_birth_date": datetime.date(2016, 5, 17),
        "child_residence": "Helmond",
        "relation": "parent",
        "authority": "both_parents",
        "worries": "Hij schrikt van elke verandering en wil niet getroost worden.",
        "recognised_signs": ["Het kind zoekt geen troost bij verdriet"],
        "help_so_far": ["gp"],
        "best_moments": ["morning"],
        "voicemail_allowed": False,
        "may_name_organisation": True,
    }
    data.update(overrides)
    return AssessmentRequest.objects.create(**data)


def make_callback_request(**overrides):
    from django.utils import timezone

    from requests_app.models import CallbackRequest, Kind

    n = next(_triage_seq)
    data = {
        **_request_defaults(n),
        "kind": Kind.CALLBACK,
        "reference": f"TB-2026-T{n:04d}",
        "email": "",
        "callback_date": timezone.localdate(),
        "callback_daypart": "afternoon",
        "topic": "attachment",
        "note": "",
        "voicemail_allowed": True,
    }
    data.update(overrides)
    return CallbackRequest.objects.create(**data)


def make_note(request, **overrides):
    from requests_app import services

    author = overrides.pop("author", None) or make_staff()
    text = overrides.pop("text", "Moeder gebeld, intake gepland.")
    return services.add_note(request, text, author=author)


def make_call_attempt(request, **overrides):
    """A call attempt stored as it is (no status moves): for the rules of the lists."""
    from requests_app.models import CallAttempt

    data = {"outcome": "no_answer", "note": ""}
    data.update(overrides)
    return CallAttempt.objects.create(request=request, **data)


def make_intake_member(**overrides):
    from django.contrib.auth.models import Group

    from requests_app.groups import INTAKE

    user = make_staff(**overrides)
    user.groups.add(Group.objects.get(name=INTAKE))
    return user


def make_editor(**overrides):
    """A member of Redactie (content only)."""
    from django.contrib.auth.models import Group

    from content.groups import REDACTIE

    user = make_staff(**overrides)
    user.groups.add(Group.objects.get(name=REDACTIE))
    return user


# ---------------------------------------------------------------------------
# End of triage desk factories
# ---------------------------------------------------------------------------
