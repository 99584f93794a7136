from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    """The shared kernel: page cache, images, mail, links, health, backups. It knows no other app."""

    default = True
    name = "core"
    verbose_name = "Cranes Club"


class ClubAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the club's admin site (core.admin.ClubAdminSite) as `admin.site`."""

    default = False
    default_site = "core.admin.ClubAdminSite"
