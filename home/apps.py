from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page: it composes the film, featured facts and the next screening."""

    name = "home"
    verbose_name = "Home page"

    def ready(self):
        from core import sitemaps
        from home.sitemaps import HomeSitemap

        sitemaps.register("pages", HomeSitemap)
