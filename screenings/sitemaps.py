from core.sitemaps import PagesSitemap, SiteSitemap
from screenings.models import Screening


class ScreeningPagesSitemap(PagesSitemap):
    names = ("screenings:list", "screenings:past")


class ScreeningSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return Screening.objects.only("slug", "updated")

    def lastmod(self, screening: Screening):
        return screening.updated
