from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_comment", "change_comment", "view_report", "change_report", "view_follow"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("discussion")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Curators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="discussion", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Curators"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="discussion"))


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
        ("facts", "0002_curators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
