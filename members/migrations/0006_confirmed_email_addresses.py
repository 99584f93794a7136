"""Members who joined before email confirmation keep their accounts: their addresses count as confirmed."""

from django.db import migrations


def confirm_existing(apps, schema_editor):
    """One confirmed address per address: sign-up did not use to refuse a taken one, and allauth allows an
    address confirmed once. The oldest account keeps it confirmed; the others are asked to confirm theirs."""
    User = apps.get_model("members", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    known = set(EmailAddress.objects.values_list("user_id", flat=True))
    taken = {email.lower() for email in EmailAddress.objects.filter(verified=True).values_list("email", flat=True)}
    rows = []
    for pk, email in User.objects.exclude(email="").exclude(pk__in=known).order_by("pk").values_list("pk", "email"):
        email = email.lower()
        rows.append(EmailAddress(user_id=pk, email=email, verified=email not in taken, primary=True))
        taken.add(email)
    EmailAddress.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_closed_accounts_and_past_screenings"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(confirm_existing, migrations.RunPython.noop)]
