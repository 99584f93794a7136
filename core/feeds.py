from django.contrib.syndication.views import Feed
from django.urls import reverse

from core.links import absolute_url


class SiteFeed(Feed):
    """A feed whose links come from SITE_URL, whatever Host the request named.

    Subclasses name their page (`page_name`) and their own URL (`feed_name`); items have `created` and `updated`.
    """

    page_name = ""
    feed_name = ""

    def link(self) -> str:
        return absolute_url(reverse(self.page_name))

    def feed_url(self) -> str:
        return absolute_url(reverse(self.feed_name))

    def item_link(self, item) -> str:
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.updated
