"""The night at once: walk-ins, claims, a cancellation, an expiry and check-ins racing for the same seats.

Each runs in threads of its own, with a connection each, on SQLite (IMMEDIATE transactions queue the
writers) and on PostgreSQL (the screening's row lock does).
"""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from screenings import services
from screenings.models import Rsvp, RsvpStatus

pytestmark = pytest.mark.django_db(transaction=True)


def all_at_once(*calls):
    """Run every call in its own thread, started together; returns what each raised (Refused is an answer)."""
    start = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            start.wait()
            call()
        except services.Refused:
            pass
        except Exception as error:  # collected and asserted by the tests
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def held(screening) -> int:
    return services.seats_held(screening)


@pytest.mark.parametrize("run", range(3))
def test_ten_walk_ins_at_once_for_three_free_seats_seat_three(make_screening, make_member, run):
    screening = make_screening(capacity=5, starts_at=timezone.now() + timedelta(hours=1))
    for _ in range(2):
        services.rsvp(member=make_member(), screening=screening)
    calls = [lambda n=n: services.walk_in(screening=screening, name=f"Walk-in {n}") for n in range(10)]
    assert all_at_once(*calls) == []
    assert Rsvp.objects.filter(screening=screening, walk_in=True).count() == 3
    assert held(screening) == 5


def test_walk_ins_and_rsvps_at_once_never_overbook(make_screening, make_member):
    screening = make_screening(capacity=4, starts_at=timezone.now() + timedelta(days=3))
    members = [make_member() for _ in range(6)]
    calls = [lambda m=m: services.rsvp(member=m, screening=screening) for m in members]
    calls += [lambda n=n: services.walk_in(screening=screening, name=f"Guest {n}") for n in range(6)]
    assert all_at_once(*calls) == []
    assert held(screening) == 4
    # Every member has a seat or a place in the queue; walk-ins only ever took seats that were free.
    members_going = Rsvp.objects.filter(screening=screening, member__isnull=False, status=RsvpStatus.GOING).count()
    walk_ins = Rsvp.objects.filter(screening=screening, walk_in=True).count()
    assert members_going + walk_ins == 4
    assert Rsvp.objects.filter(screening=screening, member__isnull=False).count() == 6


@pytest.fixture
def offered(make_screening, make_member):
    """Two seats, both going; three waiting; the first going cancels, so the first waiting is offered a seat."""
    screening = make_screening(capacity=2, starts_at=timezone.now() + timedelta(days=5))
    going = [make_member() for _ in range(2)]
    waiting = [make_member() for _ in range(3)]
    for member in going + waiting:
        services.rsvp(member=member, screening=screening)
    services.cancel_rsvp(member=going[0], screening=screening)
    assert Rsvp.objects.get(member=waiting[0]).status == RsvpStatus.OFFERED
    return screening, going[1], waiting


def statuses(members):
    return [Rsvp.objects.get(member=m).status for m in members]


@pytest.mark.parametrize("run", range(3))
def test_two_claims_a_cancellation_and_an_expiry_at_once_before_the_deadline(offered, run):
    screening, still_going, (first, second, third) = offered
    assert (
        all_at_once(
            lambda: services.claim_offer(member=first, screening=screening),
            lambda: services.claim_offer(member=first, screening=screening),
            lambda: services.cancel_rsvp(member=still_going, screening=screening),
            lambda: services.expire_offers(),
        )
        == []
    )
    # The claim holds; the cancelled seat is offered to the next in line, and to nobody else.
    assert statuses([first, second, third]) == [RsvpStatus.GOING, RsvpStatus.OFFERED, RsvpStatus.WAITLISTED]
    assert held(screening) == 2


@pytest.mark.parametrize("run", range(3))
def test_two_claims_a_cancellation_and_an_expiry_at_once_after_the_deadline(offered, run):
    screening, still_going, (first, second, third) = offered
    deadline = Rsvp.objects.get(member=first).offer_expires_at
    with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
        assert (
            all_at_once(
                lambda: services.claim_offer(member=first, screening=screening),
                lambda: services.claim_offer(member=first, screening=screening),
                lambda: services.cancel_rsvp(member=still_going, screening=screening),
                lambda: services.expire_offers(),
            )
            == []
        )
    # Too late to claim: the first's seat and the cancelled one go to the next two, in order, once each.
    assert statuses([first, second, third]) == [RsvpStatus.LAPSED, RsvpStatus.OFFERED, RsvpStatus.OFFERED]
    assert held(screening) == 2
    offered_now = Rsvp.objects.filter(screening=screening, status=RsvpStatus.OFFERED)
    assert offered_now.count() == 2 and len({r.member_id for r in offered_now}) == 2


@pytest.mark.parametrize("run", range(3))
def test_eight_check_ins_of_one_party_at_once_check_it_in_once(make_screening, member, run):
    screening = make_screening(starts_at=timezone.now() + timedelta(minutes=30))
    booking = services.rsvp(member=member, screening=screening)
    results = []

    def check_in():
        results.append(services.check_in(screening=screening, rsvp_id=booking.pk)[1])

    assert all_at_once(*[check_in] * 8) == []
    assert results.count(True) == 1 and results.count(False) == 7
    assert Rsvp.objects.get(pk=booking.pk).checked_in_at is not None


def test_check_ins_and_a_walk_in_into_the_last_seat_at_once(make_screening, make_member):
    screening = make_screening(capacity=4, starts_at=timezone.now() + timedelta(minutes=30))
    bookings = [services.rsvp(member=make_member(), screening=screening) for _ in range(3)]
    calls = [lambda b=b: services.check_in(screening=screening, rsvp_id=b.pk) for b in bookings]
    calls += [lambda n=n: services.walk_in(screening=screening, name=f"Walk-in {n}") for n in range(3)]
    assert all_at_once(*calls) == []
    assert Rsvp.objects.filter(screening=screening, checked_in_at__isnull=False).count() == 4
    assert held(screening) == 4


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the screening's row lock under real concurrency: PostgreSQL"
)


@pytest.fixture
def two_freed_at_the_door(make_screening, make_member):
    """In an hour (the door has taken over): three seats, one still going, two freed; four parties waiting."""
    screening = make_screening(capacity=3, starts_at=timezone.now() + timedelta(days=3))
    going = [make_member() for _ in range(3)]
    waiting = [make_member() for _ in range(4)]
    for member in going + waiting:
        services.rsvp(member=member, screening=screening)
    screening.starts_at = timezone.now() + timedelta(hours=1)
    services.save_screening(screening=screening)
    for member in going[:2]:
        services.cancel_rsvp(member=member, screening=screening)
    assert statuses(waiting) == [RsvpStatus.WAITLISTED] * 4 and services.free_seats(screening) == 2
    return screening, waiting


@on_postgresql
@pytest.mark.parametrize("run", range(3))
def test_six_taps_on_the_next_in_line_at_once_seat_the_first_two_once_each(two_freed_at_the_door, run):
    screening, waiting = two_freed_at_the_door
    seated = []
    assert all_at_once(*[lambda: seated.append(services.give_seat_to_next(screening=screening).pk)] * 6) == []
    assert len(seated) == len(set(seated)) == 2
    assert statuses(waiting) == [RsvpStatus.GOING] * 2 + [RsvpStatus.WAITLISTED] * 2
    assert held(screening) == 3


@on_postgresql
@pytest.mark.parametrize("run", range(3))
def test_the_next_in_line_and_walk_ins_at_once_never_pass_capacity_or_skip_a_party(two_freed_at_the_door, run):
    screening, waiting = two_freed_at_the_door
    calls = [lambda: services.give_seat_to_next(screening=screening)] * 3
    calls += [lambda n=n: services.walk_in(screening=screening, name=f"Walk-in {n}") for n in range(3)]
    assert all_at_once(*calls) == []
    assert held(screening) == 3
    seated = statuses(waiting).count(RsvpStatus.GOING)
    walk_ins = Rsvp.objects.filter(screening=screening, walk_in=True).count()
    assert seated + walk_ins == 2
    # Whoever of the waitlist got a seat was first in line: nobody was skipped.
    assert statuses(waiting) == [RsvpStatus.GOING] * seated + [RsvpStatus.WAITLISTED] * (4 - seated)


@on_postgresql
@pytest.mark.parametrize("run", range(3))
def test_a_waitlisted_member_walking_in_while_the_door_gives_the_seat_on_is_seated_once(two_freed_at_the_door, run):
    screening, (first, second, *_) = two_freed_at_the_door
    member = Rsvp.objects.get(member=second).member
    assert (
        all_at_once(
            lambda: services.walk_in(screening=screening, member=member),
            lambda: services.give_seat_to_next(screening=screening),
            lambda: services.give_seat_to_next(screening=screening),
        )
        == []
    )
    assert held(screening) == 3
    assert Rsvp.objects.filter(member=member, screening=screening).count() == 1
    assert statuses([first, second]) == [RsvpStatus.GOING, RsvpStatus.GOING]
