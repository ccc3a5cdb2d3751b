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
