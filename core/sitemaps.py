"""/sitemap.xml: each app registers its own sections (in its AppConfig.ready), so core names none of them."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as render_sitemap
from django.urls import reverse

from core.pagecache import cached_for_visitors, not_cached

SECTIONS: dict[str, type[Sitemap]] = {}


def register(name: str, section: type[Sitemap]) -> None:
    SECTIONS[name] = section


@cached_for_visitors(params=("p",))
def sitemap(request):
    response = render_sitemap(request, sitemaps=SECTIONS)
    # The site fits one page; `?p=1`, `?p=01`... are addresses no link leads to.
    return not_cached(response) if "p" in request.GET else response


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
