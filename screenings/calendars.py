"""Screenings as RFC 5545 iCalendar files. Times are UTC; SEQUENCE follows the screening's revision."""

from datetime import UTC

from django.urls import reverse
from icalendar import Calendar, Event

from core.links import absolute_url, site_host
from screenings.models import Screening

PRODID = "-//Cranes Club//Screenings//EN"


def uid(screening: Screening) -> str:
    return f"screening-{screening.pk}@{site_host()}"


def event(screening: Screening) -> Event:
    item = Event()
    item.add("uid", uid(screening))
    item.add("sequence", screening.revision)
    item.add("dtstamp", screening.updated.astimezone(UTC))
    item.add("dtstart", screening.starts_at.astimezone(UTC))
    item.add("dtend", screening.ends_at.astimezone(UTC))
    item.add("summary", f"{'Cancelled: ' if screening.is_cancelled else ''}Cranes Club: {screening.title}")
    # Lines apart: calendar apps show LOCATION on one line, and some hand it to a map search as it is.
    item.add("location", ", ".join([screening.venue.name, *screening.venue.address_lines]))
    item.add("description", screening.description)
    item.add("url", absolute_url(screening.get_absolute_url()))
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


def subscribe_url() -> str:
    """The club's calendar for calendar apps to subscribe to (webcal://, on the public address)."""
    return "webcal://" + absolute_url(reverse("screenings:calendar")).split("://", 1)[1]
