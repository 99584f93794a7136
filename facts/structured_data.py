"""A fact page as schema.org JSON-LD: a ClaimReview when the sources refute the article's claim."""

from core.links import absolute_url
from core.structured_data import club
from facts.models import Fact, Status


def claim_review(fact: Fact) -> dict | None:
    if fact.status != Status.REFUTED or not fact.claim:
        return None
    first_source = next(iter(fact.sources.all()), None)
    item_reviewed = {"@type": "Claim", "text": fact.claim}
    if first_source is not None and first_source.url:
        item_reviewed["appearance"] = {"@type": "CreativeWork", "url": first_source.url}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(fact.get_absolute_url()),
        "claimReviewed": fact.claim,
        "itemReviewed": item_reviewed,
        "author": club(),
        "datePublished": fact.updated.date().isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        },
    }
