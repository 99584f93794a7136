"""A screening page as schema.org JSON-LD: a ScreeningEvent with its status."""

from core import film
from core.links import absolute_url
from core.structured_data import club
from screenings.models import Screening, Venue


def _address(venue: Venue) -> dict:
    address = {"@type": "PostalAddress", "streetAddress": ", ".join(venue.street_lines)}
    if venue.town:
        address["addressLocality"] = venue.town
    if venue.postcode:
        address["postalCode"] = venue.postcode
    return address


def screening_event(screening: Screening) -> dict:
    status = "EventCancelled" if screening.is_cancelled else "EventScheduled"
    return {
        "@context": "https://schema.org",
        "@type": "ScreeningEvent",
        "name": screening.title,
        "url": absolute_url(screening.get_absolute_url()),
        "startDate": screening.starts_at.isoformat(),
        "endDate": screening.ends_at.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": screening.venue.name, "address": _address(screening.venue)},
        "isAccessibleForFree": not screening.price,
        "workPresented": film.as_work(),
        "subtitleLanguage": screening.subtitles or None,
        "videoFormat": screening.print_version or None,
        "organizer": club(),
        "description": screening.description,
    }
