"""Guests when seats run short: the member is told, chooses, and never loses their own place."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from screenings import services
from screenings.models import Rsvp, RsvpStatus
from screenings.services import Short

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_seat_left(make_screening, make_member):
    screening = make_screening(title="Nearly full", slug="nearly-full", capacity=3, max_guests=2,
                               starts_at=timezone.now() + timedelta(days=5))  # fmt: skip
    services.rsvp(member=make_member(), screening=screening, guests=1)
    return screening


def test_asking_for_a_guest_when_one_seat_is_left_decides_nothing_and_says_how_many_are_left(one_seat_left, member):
    with pytest.raises(services.PartyDoesNotFit) as shortfall:
        services.rsvp(member=member, screening=one_seat_left, guests=1)
    assert (shortfall.value.free, shortfall.value.guests) == (1, 1)
    assert "Only 1 seat is left" in str(shortfall.value)
    assert not Rsvp.objects.filter(member=member).exists()


def test_the_member_may_take_the_seat_now_and_keep_the_guest_on_the_waitlist(one_seat_left, member, make_member):
    behind = make_member()
    booking = services.rsvp(member=member, screening=one_seat_left, guests=1, short=Short.GUESTS_WAIT)
    assert (booking.status, booking.guests, booking.waiting_guests) == (RsvpStatus.GOING, 0, 1)
    services.rsvp(member=behind, screening=one_seat_left)  # waits behind the guest
    first = Rsvp.objects.exclude(member__in=[member, behind]).get()
    services.cancel_rsvp(member=first.member, screening=one_seat_left)  # frees two seats
    booking.refresh_from_db()
    assert (booking.status, booking.guests, booking.waiting_guests) == (RsvpStatus.GOING, 1, 0)
    assert Rsvp.objects.get(member=behind).status == RsvpStatus.OFFERED  # the second seat, in order


def test_the_waiting_guest_is_told_by_email_when_seated(one_seat_left, member, make_member, run_worker, mailoutbox):
    booking = services.rsvp(member=member, screening=one_seat_left, guests=1, short=Short.GUESTS_WAIT)
    run_worker()
    mailoutbox.clear()
    first = Rsvp.objects.exclude(pk=booking.pk).get()
    services.cancel_rsvp(member=first.member, screening=one_seat_left)
    run_worker()
    assert [m.subject for m in mailoutbox if m.to == [member.email]] == ["Your party has changed: Nearly full"]
    assert "seats for you and 1 guest" in mailoutbox[-1].body or "seats for you and 1 guest" in mailoutbox[0].body


def test_the_member_may_take_the_seat_and_come_alone(one_seat_left, member):
    booking = services.rsvp(member=member, screening=one_seat_left, guests=1, short=Short.FEWER)
    assert (booking.status, booking.guests, booking.waiting_guests) == (RsvpStatus.GOING, 0, 0)


def test_or_put_the_whole_party_on_the_waitlist(one_seat_left, member):
    booking = services.rsvp(member=member, screening=one_seat_left, guests=1, short=Short.WAIT_TOGETHER)
    assert (booking.status, booking.guests) == (RsvpStatus.WAITLISTED, 1)


def test_the_page_offers_the_three_choices_and_takes_the_one_chosen(client, one_seat_left, member):
    client.force_login(member)
    url = reverse("screenings:rsvp", args=[one_seat_left.slug])
    page = client.post(url, {"guests": 1}).content.decode()
    assert "Only 1 seat left" in page
    assert "Take your seat now; your guest waits for a seat on the waitlist" in page
    assert "Come alone: take the seat now" in page
    assert "Put your whole party on the waitlist together" in page
    assert not Rsvp.objects.filter(member=member).exists()
    response = client.post(url, {"guests": 1, "short": Short.GUESTS_WAIT}, follow=True)
    assert "going; 1 more on the waitlist" in response.content.decode()


def test_fewer_guests_free_seats_for_the_queue_and_keep_the_member_going(one_seat_left, member, make_member):
    services.rsvp(member=member, screening=one_seat_left)  # the last seat
    waiting = make_member()
    services.rsvp(member=waiting, screening=one_seat_left)
    first = Rsvp.objects.exclude(member__in=[member, waiting]).get()
    services.change_guests(member=first.member, screening=one_seat_left, guests=0)
    first.refresh_from_db()
    assert (first.status, first.guests) == (RsvpStatus.GOING, 0)
    assert Rsvp.objects.get(member=waiting).status == RsvpStatus.OFFERED


def test_more_guests_than_seats_wait_while_the_member_keeps_their_seat(one_seat_left, member):
    booking = services.rsvp(member=member, screening=one_seat_left)
    queued_at = booking.queued_at
    changed = services.change_guests(member=member, screening=one_seat_left, guests=2)
    assert (changed.status, changed.guests, changed.waiting_guests) == (RsvpStatus.GOING, 0, 2)
    assert changed.queued_at == queued_at


def test_a_waitlisted_member_who_changes_guests_keeps_their_place(one_seat_left, make_member):
    services.rsvp(member=make_member(), screening=one_seat_left)  # full now
    first, second = make_member(), make_member()
    services.rsvp(member=first, screening=one_seat_left, guests=2)
    services.rsvp(member=second, screening=one_seat_left)
    services.change_guests(member=first, screening=one_seat_left, guests=1)
    queue = list(Rsvp.objects.filter(screening=one_seat_left).waitlisted().values_list("member", flat=True))
    assert queue == [first.pk, second.pk]


def test_a_waitlisted_member_who_now_fits_a_free_seat_takes_it_at_once(one_seat_left, member):
    services.rsvp(member=member, screening=one_seat_left, guests=2, short=Short.WAIT_TOGETHER)
    booking = services.change_guests(member=member, screening=one_seat_left, guests=0)
    assert booking.status == RsvpStatus.GOING


def test_an_offered_party_cannot_grow_before_claiming(one_seat_left, make_member):
    services.rsvp(member=make_member(), screening=one_seat_left)
    waiting = make_member()
    services.rsvp(member=waiting, screening=one_seat_left)
    first = Rsvp.objects.filter(guests=1).get()
    services.change_guests(member=first.member, screening=one_seat_left, guests=0)
    assert Rsvp.objects.get(member=waiting).status == RsvpStatus.OFFERED
    with pytest.raises(services.RsvpRefused, match="Claim the seats offered to you first"):
        services.change_guests(member=waiting, screening=one_seat_left, guests=1)


def test_guests_cannot_change_once_the_screening_has_started(one_seat_left, member, time_machine):
    services.rsvp(member=member, screening=one_seat_left)
    time_machine.move_to(one_seat_left.starts_at + timedelta(minutes=1), tick=False)
    with pytest.raises(services.RsvpRefused, match="already started"):
        services.change_guests(member=member, screening=one_seat_left, guests=1)


def test_the_guests_form_posts_through_the_page(client, one_seat_left, member):
    services.rsvp(member=member, screening=one_seat_left)
    client.force_login(member)
    page = client.get(one_seat_left.get_absolute_url()).content.decode()
    assert f'action="{reverse("screenings:guests", args=[one_seat_left.slug])}"' in page
    response = client.post(reverse("screenings:guests", args=[one_seat_left.slug]), {"guests": 1}, follow=True)
    assert "going; 1 more on the waitlist" in response.content.decode()
    assert client.post(reverse("screenings:guests", args=[one_seat_left.slug]), {"guests": 9}).status_code == 302
    assert Rsvp.objects.get(member=member).waiting_guests == 1
