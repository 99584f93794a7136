from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    """The kernel: stateless helpers (links, mail, images, feeds, sitemaps, throttle, health and media views,
    the admin site). It has no models and knows no other app."""

    default = True
    name = "core"
    verbose_name = "Cranes Club"

    def ready(self):
        from core import health, proxies, storage

        health.register("proxies", proxies.check)
        health.register("storage", storage.check)


class ClubAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the club's admin site as `admin.site`."""

    default = False
    default_site = "core.admin_site.ClubAdminSite"
