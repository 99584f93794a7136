"""The sitemap's sections: each app registers its own (in its AppConfig.ready), so core names none of them;
home serves /sitemap.xml from them."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

SECTIONS: dict[str, type[Sitemap]] = {}


def register(name: str, section: type[Sitemap]) -> None:
    SECTIONS[name] = section


class SiteSitemap(Sitemap):
    """A sitemap whose addresses come from SITE_URL, whatever Host the request named."""

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(SiteSitemap):
    """An app's fixed pages, by URL name."""

    changefreq = "weekly"
    names: tuple[str, ...] = ()

    def items(self):
        return list(self.names)

    def location(self, item: str) -> str:
        return reverse(item)
