"""The screenings feed, and its address (included under /feeds/)."""

from django.urls import path
from django.utils import timezone

from core.feeds import SiteFeed
from pagecache import cached_for_visitors
from screenings.models import Screening


class ScreeningFeed(SiteFeed):
    title = "Cranes Club: upcoming screenings"
    description = "Club screenings of The Cranes Are Flying."
    page_name = "screenings:list"
    feed_name = "screening_feed"

    def items(self):
        return Screening.objects.upcoming().select_related("venue")[:50]

    def item_title(self, item: Screening) -> str:
        when = timezone.localtime(item.starts_at).strftime("%-d %B %Y, %H:%M %Z")
        prefix = "Cancelled: " if item.is_cancelled else ""
        return f"{prefix}{item.title} · {when}"

    def item_description(self, item: Screening) -> str:
        status = "This screening is cancelled. " if item.is_cancelled else ""
        return f"{status}{item.venue.name}. {item.description}"


urlpatterns = [path("screenings/", cached_for_visitors(ScreeningFeed()), name="screening_feed")]
