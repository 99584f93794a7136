"""Structured data (schema.org JSON-LD) for the pages search engines read most."""

from django.conf import settings
from django.templatetags.static import static

from facts import film
from facts.models import Status


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def movie() -> dict:
    credits = dict(film.CREDITS)
    return {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.TITLE,
        "alternateName": film.ORIGINAL_TITLE,
        "dateCreated": str(film.YEAR),
        "duration": f"PT{film.RUNTIME_MINUTES}M",
        "director": {"@type": "Person", "name": credits["Director"]},
        "author": {"@type": "Person", "name": "Viktor Rozov"},
        "musicBy": {"@type": "Person", "name": "Mieczysław Weinberg"},
        "actor": [{"@type": "Person", "name": credits[role]} for role in ("Veronika", "Boris", "Fyodor Ivanovich")],
        "productionCompany": {"@type": "Organization", "name": film.STUDIO},
        "countryOfOrigin": {"@type": "Country", "name": "Soviet Union"},
        "award": "Palme d'Or, Cannes Film Festival 1958",
        "image": absolute(static("img/og-cranes.png")),
    }


def screening_event(screening) -> dict:
    cancelled = screening.is_cancelled
    return {
        "@context": "https://schema.org",
        "@type": "ScreeningEvent",
        "name": screening.title,
        "url": absolute(screening.get_absolute_url()),
        "startDate": screening.starts_at.isoformat(),
        "endDate": screening.ends_at.isoformat(),
        "eventStatus": f"https://schema.org/{'EventCancelled' if cancelled else 'EventScheduled'}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": screening.venue.name, "address": screening.venue.address},
        "workPresented": {"@type": "Movie", "name": film.TITLE, "dateCreated": str(film.YEAR)},
        "subtitleLanguage": screening.subtitles or None,
        "videoFormat": screening.print_version or None,
        "organizer": {"@type": "Organization", "name": "Cranes Club", "url": absolute("/")},
        "description": screening.description,
    }


def claim_review(fact) -> dict | None:
    """For facts whose claim the sources refute: what was claimed, and the verdict."""
    if fact.status != Status.REFUTED or not fact.claim:
        return None
    first_source = next(iter(fact.sources.all()), None)
    item_reviewed = {"@type": "Claim", "text": fact.claim}
    if first_source is not None and first_source.url:
        item_reviewed["appearance"] = {"@type": "CreativeWork", "url": first_source.url}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(fact.get_absolute_url()),
        "claimReviewed": fact.claim,
        "itemReviewed": item_reviewed,
        "author": {"@type": "Organization", "name": "Cranes Club", "url": absolute("/")},
        "datePublished": fact.updated.date().isoformat(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        },
    }
