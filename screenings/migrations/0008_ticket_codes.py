from django.db import migrations

import screenings.models


def give_every_rsvp_a_code(apps, schema_editor):
    Rsvp = apps.get_model("screenings", "Rsvp")
    taken = set()
    for rsvp in Rsvp.objects.filter(code__isnull=True).only("pk"):
        code = screenings.models.new_ticket_code()
        while code in taken:
            code = screenings.models.new_ticket_code()
        taken.add(code)
        Rsvp.objects.filter(pk=rsvp.pk).update(code=code)


class Migration(migrations.Migration):
    """Ticket codes for the RSVPs made before there were any (a migration of its own: PostgreSQL will not
    alter a table in the transaction that updated its rows)."""

    dependencies = [
        ("screenings", "0007_the_night"),
    ]

    operations = [
        migrations.RunPython(give_every_rsvp_a_code, migrations.RunPython.noop),
    ]
