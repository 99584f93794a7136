from django.db import migrations

from core.migration_helpers import grant, revoke


def curators_see_notices(apps, schema_editor):
    grant(apps, app_label="outbox", groups=["Curators"], codenames=["view_notice", "change_notice"])


def undo(apps, schema_editor):
    revoke(apps, app_label="outbox", groups=["Curators"])


class Migration(migrations.Migration):
    dependencies = [("outbox", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(curators_see_notices, undo)]
