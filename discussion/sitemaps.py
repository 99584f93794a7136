from core.sitemaps import PagesSitemap


class DiscussionSitemap(PagesSitemap):
    changefreq = "daily"
    names = ("discussion:latest",)
