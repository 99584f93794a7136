"""Error reports move out of the notices into a table of their own, which backups leave out. The reports that
notices kept (settings, POST data and all) are deleted rather than moved."""

import django.utils.timezone
from django.db import migrations, models


def forget_reports_kept_as_notices(apps, schema_editor):
    apps.get_model("outbox", "Notice").objects.filter(kind="outbox.admins").delete()


class Migration(migrations.Migration):
    dependencies = [("outbox", "0002_curators_see_notices")]

    operations = [
        migrations.CreateModel(
            name="ErrorReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("subject", models.CharField(max_length=300)),
                ("message", models.TextField()),
                ("created", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
            ],
            options={"ordering": ["-created"]},
        ),
        migrations.RunPython(forget_reports_kept_as_notices, migrations.RunPython.noop),
    ]
