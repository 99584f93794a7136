"""For data migrations. Kept stable: migrations that ran long ago still import it."""

from django.contrib.auth.management import create_permissions


def grant(apps, *, app_label: str, groups: list[str], codenames: list[str] | None = None) -> None:
    """Give the named groups (created if missing) an app's permissions, all of them or the listed ones."""
    # Permissions are normally created after all migrations; create this app's now so groups can hold them.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label=app_label)
    if codenames is not None:
        permissions = permissions.filter(codename__in=codenames)
    for name in groups:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, *, app_label: str, groups: list[str], codenames: list[str] | None = None) -> None:
    """Take back what grant() gave: an app's permissions, all of them or the listed ones (a migration that
    granted a few takes back those few, and leaves what earlier migrations granted)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label=app_label)
    if codenames is not None:
        permissions = permissions.filter(codename__in=codenames)
    for group in Group.objects.filter(name__in=groups):
        group.permissions.remove(*permissions)
