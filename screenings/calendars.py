"""Screenings as RFC 5545 iCalendar files. Times are UTC; SEQUENCE follows the screening's revision."""

from datetime import UTC

from django.conf import settings
from icalendar import Calendar, Event

from screenings.models import Screening

PRODID = "-//Cranes Club//Screenings//EN"


def uid(screening: Screening) -> str:
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "cranesclub"
    return f"screening-{screening.pk}@{host}"


def event(screening: Screening) -> Event:
    item = Event()
    item.add("uid", uid(screening))
    item.add("sequence", screening.revision)
    item.add("dtstamp", screening.updated.astimezone(UTC))
    item.add("dtstart", screening.starts_at.astimezone(UTC))
    item.add("dtend", screening.ends_at.astimezone(UTC))
    item.add("summary", f"Cranes Club: {screening.title}")
    item.add("location", f"{screening.venue.name}, {' '.join(screening.venue.address.split())}")
    item.add("description", screening.description)
    item.add("url", settings.SITE_URL.rstrip("/") + screening.get_absolute_url())
    item.add("status", "CANCELLED" if screening.is_cancelled else "CONFIRMED")
    return item


def calendar(screenings, *, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for screening in screenings:
        cal.add_component(event(screening))
    return cal.to_ical()
