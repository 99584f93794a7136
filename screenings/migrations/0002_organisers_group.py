from django.db import migrations

from core.migration_helpers import grant, revoke

GROUPS = ["Curators", "Organisers"]


class Migration(migrations.Migration):
    dependencies = [
        ("screenings", "0001_initial"),
        ("facts", "0002_curators_group"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, app_label="screenings", groups=GROUPS),
            lambda apps, schema_editor: revoke(apps, app_label="screenings", groups=GROUPS),
        )
    ]
