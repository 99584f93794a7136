from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from facts.models import Fact
from screenings.models import Screening


class PagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["facts:home", "facts:list", "facts:faq", "screenings:list", "screenings:past", "discussion:latest"]

    def location(self, item):
        return reverse(item)


class FactSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Fact.objects.published().only("slug", "updated")

    def lastmod(self, fact):
        return fact.updated


class ScreeningSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Screening.objects.only("slug", "updated")

    def lastmod(self, screening):
        return screening.updated


SITEMAPS = {"pages": PagesSitemap, "facts": FactSitemap, "screenings": ScreeningSitemap}
