"""Phone numbers: one parser for the forms, the queue search and the AVG lookup, so what a
parent typed is found the way it was stored (E.164, +31612345678)."""

import re

import phonenumbers


def normalise_phone(text: str) -> str | None:
    """A phone number written any usual Dutch way as E.164 (+31612345678); None if it
    is not a valid number. The one parser for the forms, the queue search and the AVG
    lookup, so what a parent typed is found the way it was stored."""
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Show a stored number the way people write it: 06 12345678, +32 ... abroad."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


_PHONE_LIKE = re.compile(r"\+?[\d\s\-().]+")


def phone_in_search(term: str) -> str:
    """The stored (E.164) form of a phone number typed in the queue's search box, or ''.

    Only digits and the usual separators count: phonenumbers reads letters as keypad
    digits, and a reference ("OZ-2026-00042") or a name must stay a text search.
    """
    term = (term or "").strip()
    if not _PHONE_LIKE.fullmatch(term) or sum(ch.isdigit() for ch in term) < 9:
        return ""
    return normalise_phone(term) or ""
