"""Members who joined before email confirmation keep their accounts: their addresses count as confirmed."""

from django.db import migrations


def confirm_existing(apps, schema_editor):
    User = apps.get_model("members", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    known = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        EmailAddress(user_id=pk, email=email, verified=True, primary=True)
        for pk, email in User.objects.exclude(email="").exclude(pk__in=known).values_list("pk", "email")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_closed_accounts_and_past_screenings"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(confirm_existing, migrations.RunPython.noop)]
