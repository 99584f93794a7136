from django.db import migrations

from core.migration_helpers import grant, revoke


def curators_see_notices(apps, schema_editor):
    grant(apps, app_label="core", groups=["Curators"], codenames=["view_notice", "change_notice"])


def undo(apps, schema_editor):
    revoke(apps, app_label="core", groups=["Curators"])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_notices")]

    operations = [migrations.RunPython(curators_see_notices, undo)]
