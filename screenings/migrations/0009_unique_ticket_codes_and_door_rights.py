from django.db import migrations, models

import screenings.models
from core.migration_helpers import grant, revoke

GROUPS = ["Curators", "Organisers"]
# What 0007 brought and 0002 could not grant: the door, the reflections and their reports, and the
# screenings' history. Granted by name, so that undoing this takes back these and nothing 0002 gave.
CODENAMES = [
    "run_door",
    *(
        f"{action}_{model}"
        for model in ("reflection", "reflectionreport", "historicalscreening")
        for action in ("add", "change", "delete", "view")
    ),
]


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
            lambda apps, schema_editor: grant(apps, app_label="screenings", groups=GROUPS, codenames=CODENAMES),
            lambda apps, schema_editor: revoke(apps, app_label="screenings", groups=GROUPS, codenames=CODENAMES),
        ),
    ]
