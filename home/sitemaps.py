from core.sitemaps import PagesSitemap


class HomeSitemap(PagesSitemap):
    names = ("home:index",)
