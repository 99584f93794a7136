from django.db import migrations

from core.migration_helpers import grant, revoke


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, app_label="facts", groups=["Curators"]),
            lambda apps, schema_editor: revoke(apps, app_label="facts", groups=["Curators"]),
        )
    ]
