from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    """The shared kernel: page cache, images, mail, links, health, backups. It knows no other app."""

    default = True
    name = "core"
    verbose_name = "Cranes Club"

    def ready(self):
        from core import log, notices, personal_data

        personal_data.register("emails", export=notices.sent_to, erase=notices.forget_recipient)
        notices.register("core.admins", log.to_admins, account=True)


class ClubAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the club's admin site as `admin.site`."""

    default = False
    default_site = "core.admin_site.ClubAdminSite"
