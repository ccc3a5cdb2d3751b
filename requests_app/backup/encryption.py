"""age encryption (pyrage): to the operator's public key(s) on the server, with the
secret key only at a restore. Streams both ways: nothing is held whole in memory."""

from pathlib import Path

import pyrage
from pyrage import x25519

from .errors import BackupError

AGE_MAGIC = b"age-encryption.org/v1\n"


def recipients(values) -> list[x25519.Recipient]:
    """The configured public keys (BACKUP_RECIPIENT), checked."""
    values = [v.strip() for v in values if v.strip()]
    if not values:
        raise BackupError(
            "BACKUP_RECIPIENT is niet ingesteld: zet daar de publieke age-sleutel (age1…) "
            "van de beheerder. De geheime sleutel hoort niet op deze server."
        )
    found = []
    for value in values:
        if value.startswith("AGE-SECRET-KEY-"):
            raise BackupError(
                "BACKUP_RECIPIENT bevat een geheime sleutel (AGE-SECRET-KEY-…). Zet daar de "
                "publieke sleutel (age1…), en haal de geheime sleutel van deze server."
            )
        try:
            found.append(x25519.Recipient.from_str(value))
        except pyrage.RecipientError:
            raise BackupError(
                f"BACKUP_RECIPIENT bevat geen geldige publieke age-sleutel: {value[:12]}…"
            ) from None
    return found


def load_identities(path: Path) -> list[x25519.Identity]:
    """The secret key(s) in an age key file (as age-keygen writes it)."""
    try:
        text = Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise BackupError(f"Het sleutelbestand {path} kan niet worden gelezen.") from None
    identities = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(x25519.Identity.from_str(line))
        except pyrage.IdentityError:
            raise BackupError(
                f"{path} is geen age-sleutelbestand: verwacht een regel AGE-SECRET-KEY-1…"
            ) from None
    if not identities:
        raise BackupError(f"{path} bevat geen geheime age-sleutel (AGE-SECRET-KEY-1…).")
    return identities


def encrypt(reader, writer, to: list[x25519.Recipient]) -> None:
    pyrage.encrypt_io(reader, writer, to)


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(AGE_MAGIC)) == AGE_MAGIC


def decrypt(path: Path, writer, identities, *, key_path: Path) -> None:
    """Decrypt the whole file into ``writer``; a wrong key or a damaged file is refused.

    age authenticates every 64 KiB chunk and marks the last one, so a changed byte and a
    cut-off end are both found. Errors raised by ``writer`` itself pass through.
    """
    with open(path, "rb") as fh:
        try:
            pyrage.decrypt_io(fh, writer, identities)
        except pyrage.DecryptError as error:
            if "no matching keys" in str(error).lower():
                raise BackupError(
                    f"De sleutel in {key_path} past niet bij {path.name}: deze back-up is "
                    "versleuteld voor een andere sleutel."
                ) from None
            raise BackupError(
                f"{path.name} is beschadigd: de versleuteling klopt niet ({error})."
            ) from None
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            raise BackupError(
                f"{path.name} is beschadigd of onvolledig: ontsleutelen stopt halverwege. "
                "Gebruik een andere kopie of een andere back-up."
            ) from None
