"""Two-factor secrets are stored encrypted with MFA_ENCRYPTION_KEY, which no backup holds; authenticators made
before keep working once the migration has encrypted them."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import with_two_factor

BEFORE, ENCRYPTED = ("members", "0006_confirmed_email_addresses"), ("members", "0007_encrypt_two_factor_secrets")


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def stored(authenticator: Authenticator) -> str:
    """The row as the database (and so a backup) holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_totp_secrets_and_recovery_seeds_are_stored_encrypted(member):
    secret = with_two_factor(member)
    seed_row = RecoveryCodes.activate(member).instance
    totp_row = Authenticator.objects.get(user=member, type=Authenticator.Type.TOTP)
    assert secret not in stored(totp_row) and "fernet:" in stored(totp_row)
    seed = RecoveryCodes(seed_row).generate_codes()
    assert "fernet:" in stored(seed_row)
    assert TOTP(totp_row).validate_code(code_for(secret))
    assert RecoveryCodes(Authenticator.objects.get(pk=seed_row.pk)).validate_code(seed[0])


NEW_KEY = "bmV3LWtleS1mb3ItdHdvLWZhY3Rvci1zZWNyZXRzISE="


@pytest.mark.django_db
def test_another_key_cannot_read_them_but_a_new_key_put_first_keeps_the_old_readable(member, settings):
    secret = with_two_factor(member)
    row = Authenticator.objects.get(user=member, type=Authenticator.Type.TOTP)
    old = settings.MFA_ENCRYPTION_KEYS[0]
    settings.MFA_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(ImproperlyConfigured, match="MFA_ENCRYPTION_KEY cannot open"):
        TOTP(row).validate_code(code_for(secret))
    settings.MFA_ENCRYPTION_KEYS = [NEW_KEY, old]
    assert TOTP(row).validate_code(code_for(secret))


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_authenticators_made_before_and_they_keep_working(django_user_model):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    olga = django_user_model.objects.create_user("olga", "olga@example.org", "pw-olga-1957")
    secret, seed = generate_totp_secret(), "ab" * 40
    totp = Authenticator.objects.create(user=olga, type=Authenticator.Type.TOTP, data={"secret": secret})
    codes = Authenticator.objects.create(
        user=olga, type=Authenticator.Type.RECOVERY_CODES, data={"seed": seed, "used_mask": 0}
    )
    assert secret in stored(totp)

    executor = MigrationExecutor(connection)
    executor.migrate([ENCRYPTED])

    assert secret not in stored(totp) and seed not in stored(codes)
    totp.refresh_from_db()
    codes.refresh_from_db()
    assert TOTP(totp).validate_code(code_for(secret))
    recovery = RecoveryCodes(codes)
    first = recovery.get_unused_codes()[0]
    assert recovery.validate_code(first) and not RecoveryCodes(codes).validate_code(first)
