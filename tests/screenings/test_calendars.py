from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from screenings import services
from screenings.models import Screening

pytestmark = pytest.mark.django_db


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk("VEVENT")]


def test_screening_ics_parses_with_utc_start_and_stable_uid(client, make_screening, settings):
    settings.TIME_ZONE = "Europe/London"
    starts = datetime(2030, 7, 1, 18, 30, tzinfo=UTC)  # 19:30 in London
    screening = make_screening(slug="summer", starts_at=starts)
    (event,) = events(client.get(reverse("screenings:ics", args=["summer"])))
    assert event.decoded("dtstart") == starts
    assert event["dtstart"].to_ical() == b"20300701T183000Z"
    assert str(event["uid"]) == f"screening-{screening.pk}@cranes.example"
    assert event["sequence"] == 0
    assert str(event["status"]) == "CONFIRMED"


def test_sequence_changes_when_the_time_changes(client, make_screening):
    screening = make_screening(slug="summer")
    (before,) = events(client.get(reverse("screenings:ics", args=["summer"])))
    screening = Screening.objects.get(pk=screening.pk)
    screening.starts_at += timedelta(hours=1)
    services.save_screening(screening=screening)
    (after,) = events(client.get(reverse("screenings:ics", args=["summer"])))
    assert after["sequence"] == before["sequence"] + 1
    assert str(after["uid"]) == str(before["uid"])


def test_feed_calendar_lists_screenings_and_marks_cancelled(client, make_screening):
    make_screening(title="On")
    off = make_screening(title="Off")
    services.cancel_screening(screening=off)
    found = {str(e["summary"]): e for e in events(client.get(reverse("screenings:calendar")))}
    assert str(found["Cranes Club: On"]["status"]) == "CONFIRMED"
    # Marked both ways: the status, and the title for calendar apps that ignore it.
    assert str(found["Cancelled: Cranes Club: Off"]["status"]) == "CANCELLED"
    assert found["Cancelled: Cranes Club: Off"]["sequence"] == 1


def test_pages_link_to_the_calendars(client, screening):
    list_page = client.get(reverse("screenings:list")).content.decode()
    assert reverse("screenings:calendar") in list_page
    assert "webcal://" in list_page
    assert reverse("screenings:ics", args=["autumn"]) in client.get(screening.get_absolute_url()).content.decode()


def test_rss_feed_lists_upcoming_and_marks_cancelled(client, make_screening):
    make_screening(title="Winter screening")
    off = make_screening(title="Spring screening")
    services.cancel_screening(screening=off)
    content = client.get(reverse("screening_feed")).content.decode()
    assert "<title>Winter screening" in content
    assert "<title>Cancelled: Spring screening" in content
