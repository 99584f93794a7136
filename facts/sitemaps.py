from core.sitemaps import PagesSitemap, SiteSitemap
from facts.models import Fact


class FactPagesSitemap(PagesSitemap):
    names = ("facts:list", "facts:statuses", "facts:faq")


class FactSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Fact.objects.published().only("slug", "updated")

    def lastmod(self, fact: Fact):
        return fact.updated
