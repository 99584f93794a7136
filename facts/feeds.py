from django.utils.feedgenerator import Atom1Feed

from core.feeds import SiteFeed
from facts.models import Fact


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
