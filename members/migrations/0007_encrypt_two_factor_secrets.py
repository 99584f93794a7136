"""Two-factor secrets stored before are encrypted with MFA_ENCRYPTION_KEY (members.mfa): TOTP keys, recovery-code
seeds and codes carried over from elsewhere. Authenticators keep working; undone, they are stored in clear again."""

from django.db import migrations

from members import mfa


def _secrets(data: dict, change) -> dict:
    data = dict(data)
    for field in ("secret", "seed"):
        if field in data:
            data[field] = change(data[field])
    if "migrated_codes" in data:
        data["migrated_codes"] = [change(code) for code in data["migrated_codes"]]
    return data


def _each(apps, change) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]).iterator():
        data = _secrets(authenticator.data, change)
        if data != authenticator.data:
            Authenticator.objects.filter(pk=authenticator.pk).update(data=data)


def encrypt(apps, schema_editor):
    _each(apps, lambda value: value if mfa.is_encrypted(value) else mfa.encrypt(value))


def decrypt(apps, schema_editor):
    _each(apps, lambda value: mfa.decrypt(value) if mfa.is_encrypted(value) else value)


class Migration(migrations.Migration):
    dependencies = [("members", "0006_confirmed_email_addresses"), ("mfa", "0003_authenticator_type_uniq")]

    operations = [migrations.RunPython(encrypt, decrypt)]
