"""What members and visitors see is true on every screening page: cancelled, past, on now, and what a
visitor needs to come."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from screenings import services
from screenings.models import Venue

pytestmark = pytest.mark.django_db


def page(client, screening) -> str:
    return client.get(screening.get_absolute_url()).content.decode()


@pytest.fixture
def cancelled_with_a_waitlist(screening, make_screening, make_member, member):
    for _ in range(3):
        services.rsvp(member=make_member(), screening=screening)
    services.rsvp(member=member, screening=screening)  # waitlisted
    new_date = make_screening(title="The new date", slug="new-date")
    services.cancel_screening(screening=screening, reason="The hall flooded.", replacement=new_date)
    return screening


def test_a_cancelled_screening_says_so_and_nothing_else(client, member, cancelled_with_a_waitlist):
    client.force_login(member)
    html = page(client, cancelled_with_a_waitlist)
    assert "This screening has been cancelled." in html
    assert "The hall flooded." in html and reverse("screenings:detail", args=["new-date"]) in html
    assert "a place on the waitlist: it is cancelled with the screening" in html
    for untrue in ("If a seat frees up", "Leave the waitlist", "Who&#x27;s going", "Add to my calendar", "Claim",
                   "Cancel my RSVP", "seats left", "RSVP</button>"):  # fmt: skip
        assert untrue not in html, untrue


def test_visitors_see_a_cancelled_screening_without_an_rsvp_box(cancelled_with_a_waitlist):
    html = page(Client(), cancelled_with_a_waitlist)
    assert "This screening has been cancelled." in html
    assert 'id="rsvp-title"' not in html and "to RSVP" not in html and "seats left" not in html


def test_my_screenings_and_the_profile_say_cancelled_too(client, member, cancelled_with_a_waitlist):
    client.force_login(member)
    mine = client.get(reverse("screenings:mine")).content.decode()
    assert "Cancelled" in mine and "cancelled with the screening" in mine
    assert "Add to my calendar" not in mine and "on the waitlist" not in mine.lower().split("coming up")[1][:600]
    profile = client.get(member.get_absolute_url()).content.decode()
    assert "Autumn screening</a>" in profile and "· cancelled" in profile and "on the waitlist" not in profile


def test_the_calendar_marks_a_cancelled_screening_cancelled(client, cancelled_with_a_waitlist):
    response = client.get(reverse("screenings:ics", args=[cancelled_with_a_waitlist.slug]))
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED" and event["sequence"] == 1


def test_the_cancellation_email_carries_the_reason_and_the_new_date(
    cancelled_with_a_waitlist, member, run_worker, mailoutbox
):
    run_worker()
    email = next(m for m in mailoutbox if m.to == [member.email] and m.subject.startswith("Cancelled"))
    assert "We are sorry: this screening has been cancelled." in email.body
    assert "The hall flooded." in email.body
    assert "The new date: The new date," in email.body and "https://cranes.example/screenings/new-date/" in email.body


@pytest.fixture
def full_and_past(make_screening, make_member, time_machine):
    screening = make_screening(title="Full house", slug="full-house", capacity=2,
                               starts_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    members = [make_member() for _ in range(2)]
    for member in members:
        services.rsvp(member=member, screening=screening)
    time_machine.move_to(screening.ends_at + timedelta(hours=1), tick=False)
    return screening, members


def test_a_past_screening_shows_the_evening_not_seats_or_rsvps(client, full_and_past):
    screening, members = full_and_past
    for viewer in (Client(), client):
        if viewer is client:
            client.force_login(members[0])
        html = page(viewer, screening)
        assert "The evening" in html and "2 had seats" in html
        for untrue in ("of 2 left", "already started", "Add to my calendar", "Who&#x27;s going", "RSVP</button>",
                       "Join the waitlist", "Cancel my RSVP"):  # fmt: skip
            assert untrue not in html, untrue
    assert "Write a reflection" in page(client, screening)


def test_a_screening_on_now_says_so_and_takes_no_rsvps(client, make_screening, member, time_machine):
    screening = make_screening(starts_at=timezone.now() + timedelta(minutes=30))
    services.rsvp(member=member, screening=screening)
    time_machine.move_to(screening.starts_at + timedelta(minutes=10), tick=False)
    client.force_login(member)
    html = page(client, screening)
    assert "On now: this screening started at" in html and "You have a seat" in html
    assert "Cancel my RSVP" not in html and "Add to my calendar" not in html and "Who&#x27;s going" not in html


def test_the_page_gives_what_a_visitor_needs_to_come(make_screening):
    venue = Venue.objects.create(name="The Small Hall", address="Riverside Arts Centre\n12 Embankment Road",
                                 town="Bristol", postcode="BS1 4RN")  # fmt: skip
    paid = make_screening(venue=venue, slug="paid", price="£5, £3 for members")
    free = make_screening(venue=venue, slug="free")
    html = page(Client(), paid)
    assert "Riverside Arts Centre<br>12 Embankment Road<br>Bristol<br>BS1 4RN" in html
    assert "https://www.openstreetmap.org/search?query=The+Small+Hall%2C+Riverside+Arts+Centre%2C+12+Embankment" in html
    assert "Map (OpenStreetMap)" in html
    assert "£5, £3 for members" in html and "<dd>Free</dd>" in page(Client(), free)
    assert f'href="{reverse("account_signup")}?next=/screenings/paid/">join the club</a>' in html
    assert f'href="{reverse("account_login")}?next=/screenings/paid/">Log in</a>' in html


def test_a_venues_own_map_link_is_kept(make_screening):
    venue = Venue.objects.create(name="Hall", address="Road", map_url="https://maps.example/hall")
    assert 'href="https://maps.example/hall"' in page(Client(), make_screening(venue=venue))


def test_the_calendar_keeps_address_lines_apart(client, make_screening):
    venue = Venue.objects.create(name="The Small Hall", address="Riverside Arts Centre\n12 Embankment Road",
                                 town="Bristol", postcode="BS1 4RN")  # fmt: skip
    screening = make_screening(venue=venue, slug="lines")
    (event,) = Calendar.from_ical(client.get(reverse("screenings:ics", args=["lines"])).content).walk("VEVENT")
    assert str(event["location"]) == "The Small Hall, Riverside Arts Centre, 12 Embankment Road, Bristol, BS1 4RN"
    assert screening.pk


def test_the_emails_keep_address_lines_apart_and_say_the_price(screening, member, run_worker, mailoutbox):
    Venue.objects.filter(pk=screening.venue_id).update(address="Riverside Arts Centre\n12 Embankment Road",
                                                       town="Bristol")  # fmt: skip
    services.rsvp(member=member, screening=screening)
    run_worker()
    body = mailoutbox[0].body
    assert "Where: The Small Hall\n       Riverside Arts Centre\n       12 Embankment Road\n       Bristol" in body
    assert "Price: free" in body


def test_the_structured_data_has_the_postal_address_and_the_price(make_screening):
    venue = Venue.objects.create(name="Hall", address="12 Road", town="Bristol", postcode="BS1 4RN")
    html = page(Client(), make_screening(venue=venue, slug="sd", price="£5"))
    assert '"postalCode": "BS1 4RN"' in html and '"addressLocality": "Bristol"' in html
    assert '"isAccessibleForFree": false' in html


@pytest.mark.parametrize(("starts_in", "kept"), [(timedelta(days=2), True), (timedelta(minutes=3), False)])
def test_a_page_about_to_change_by_the_clock_is_not_kept_for_visitors(make_screening, starts_in, kept):
    screening = make_screening(starts_at=timezone.now() + starts_in)
    response = Client().get(screening.get_absolute_url())
    assert getattr(response, "page_cacheable", True) is kept
