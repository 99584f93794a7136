from django.db import migrations

from core.migration_helpers import grant, revoke

# Curators moderate: they see and hide comments and handle reports, but cannot add or delete them.
CODENAMES = ["view_comment", "change_comment", "view_report", "change_report", "view_follow"]


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
        ("facts", "0002_curators_group"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, app_label="discussion", groups=["Curators"], codenames=CODENAMES),
            lambda apps, schema_editor: revoke(apps, app_label="discussion", groups=["Curators"]),
        )
    ]
