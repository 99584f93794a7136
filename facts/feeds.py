"""The catalogue's feeds, and their addresses (included under /feeds/)."""

from django.urls import path
from django.utils.feedgenerator import Atom1Feed

from core.feeds import SiteFeed
from facts.models import Change, Fact
from pagecache import cached_for_visitors


class FactFeed(SiteFeed):
    title = "Cranes Club: facts about The Cranes Are Flying"
    description = "New and updated facts, each checked against its sources."
    page_name = "facts:list"
    feed_name = "fact_feed"

    def items(self):
        return Fact.objects.published().select_related("category").order_by("-updated")[:50]

    def item_title(self, fact: Fact) -> str:
        return f"{fact.title} ({fact.get_status_display().lower()})"

    def item_description(self, fact: Fact) -> str:
        return "This fact reveals the plot." if fact.spoiler else fact.summary

    def item_categories(self, fact: Fact):
        return [fact.category.name]


class AtomFactFeed(FactFeed):
    feed_type = Atom1Feed
    subtitle = FactFeed.description
    feed_name = "fact_feed_atom"


class ChangeFeed(SiteFeed):
    title = "Cranes Club: changes to the facts"
    description = "Corrections and changes of status in the catalogue of facts about The Cranes Are Flying."
    page_name = "facts:changes"
    feed_name = "change_feed"

    def items(self):
        return Change.objects.published()[:50]

    def item_title(self, change: Change) -> str:
        if change.kind == Change.Kind.STATUS:
            what = f"now {change.get_new_status_display().lower()} (was {change.get_old_status_display().lower()})"
        else:
            what = "corrected"
        return f"{change.fact.title}: {what}"

    def item_description(self, change: Change) -> str:
        credit = f" Suggested by {change.credit.public_name}." if change.credit else ""
        return (change.note or "No note.") + credit

    def item_pubdate(self, change: Change):
        return change.date

    def item_updateddate(self, change: Change):
        return change.date


urlpatterns = [
    path("facts/", cached_for_visitors(FactFeed()), name="fact_feed"),
    path("facts/atom/", cached_for_visitors(AtomFactFeed()), name="fact_feed_atom"),
    path("changes/", cached_for_visitors(ChangeFeed()), name="change_feed"),
]
