from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["venue", "screening", "rsvp"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("screenings")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="screenings", content_type__model__in=MODELS)
    for name in ("Curators", "Organisers"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="screenings")
    for group in Group.objects.filter(name__in=["Curators", "Organisers"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("screenings", "0001_initial"),
        ("facts", "0002_curators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
