from core.sitemaps import PagesSitemap


class DiscussionSitemap(PagesSitemap):
    names = ("discussion:latest",)
