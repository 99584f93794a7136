"""Two-factor as the club runs it: the secrets allauth keeps (TOTP keys, recovery-code seeds) are stored
encrypted with MFA_ENCRYPTION_KEY, which lives in the environment, so a copy of the database (a backup)
gives none of them away. Fernet: AES with an HMAC, so a changed row is refused rather than misread."""

from functools import lru_cache

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Marks a stored secret as encrypted; the data migration encrypts those stored before.
PREFIX = "fernet:"


@lru_cache(maxsize=4)
def _keys(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def _fernet() -> MultiFernet:
    # The first key encrypts; any of them decrypts, so a new key can be put first and the old kept behind it.
    return _keys(tuple(settings.MFA_ENCRYPTION_KEYS))


def is_encrypted(stored: str) -> bool:
    return stored.startswith(PREFIX)


def encrypt(text: str) -> str:
    return PREFIX + _fernet().encrypt(text.encode()).decode()


def decrypt(stored: str) -> str:
    if not is_encrypted(stored):
        raise ImproperlyConfigured("A two-factor secret is stored in clear: run `manage.py migrate`.")
    try:
        return _fernet().decrypt(stored.removeprefix(PREFIX).encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY cannot open a stored two-factor secret: was the key replaced without keeping "
            "the old one after it?"
        ) from error


def rotate(stored: str) -> str:
    """`stored` encrypted again with the first key: once every secret is, the keys after it can go."""
    return PREFIX + _fernet().rotate(stored.removeprefix(PREFIX).encode()).decode()


def changed_secrets(data: dict, change) -> dict:
    """An authenticator's data with `change` made to each secret in it: TOTP keys, recovery-code seeds and
    codes carried over from elsewhere."""
    data = dict(data)
    for field in ("secret", "seed"):
        if field in data:
            data[field] = change(data[field])
    if "migrated_codes" in data:
        data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
    return data


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt(encrypted_text)


def set_up_counts_as_given(sender, request, user, authenticator, **kwargs) -> None:
    """Setting up an authenticator app takes a code from it, and a security key a touch of it: the session that
    set one up has given that second factor (the admin opens for it, as after a log-in with it)."""
    if authenticator.type in (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN):
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
