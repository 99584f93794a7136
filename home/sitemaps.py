from core.sitemaps import PagesSitemap


class HomeSitemap(PagesSitemap):
    names = ("home:index", "home:about", "home:contact", "home:privacy")
