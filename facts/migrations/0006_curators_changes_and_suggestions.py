from django.db import migrations

from core.migration_helpers import grant

# Curators keep the public Changes list, decide on members' suggestions and read the history.
CODENAMES = [
    "view_change",
    "change_change",
    "delete_change",
    "view_suggestion",
    "change_suggestion",
    "view_historicalfact",
    "view_historicalsource",
    "view_historicalfaqentry",
]


class Migration(migrations.Migration):
    dependencies = [("facts", "0005_history_changes_suggestions")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, app_label="facts", groups=["Curators"], codenames=CODENAMES),
            migrations.RunPython.noop,
        )
    ]
