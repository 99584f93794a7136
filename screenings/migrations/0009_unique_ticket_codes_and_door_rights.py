from django.db import migrations, models

import screenings.models
from core.migration_helpers import grant, revoke

GROUPS = ["Curators", "Organisers"]


class Migration(migrations.Migration):
    """Every ticket code is unique; the groups that run screenings get the door, reflections and their
    moderation."""

    dependencies = [
        ("screenings", "0008_ticket_codes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="rsvp",
            name="code",
            field=models.CharField(
                default=screenings.models.new_ticket_code,
                editable=False,
                max_length=8,
                unique=True,
                verbose_name="ticket code",
            ),
        ),
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, app_label="screenings", groups=GROUPS),
            lambda apps, schema_editor: revoke(apps, app_label="screenings", groups=GROUPS),
        ),
    ]
