"""Seats: the lock, what is free, the waitlist's order, offers and their deadlines.

The other service modules build on these; each of their writes holds the screening's row lock (`lock()`)
from its first read to its commit, so writes to one screening's seats happen one after the other.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django_tasks import task

from outbox.delivery import notify
from screenings.models import Rsvp, RsvpStatus, Screening, new_ticket_code
from screenings.notices import SETTLE


class Refused(Exception):
    """A write that cannot be made; the message is for the person who asked. Nothing was changed."""


def lock(screening: Screening) -> Screening:
    """The screening's row, locked until the transaction ends: call first, inside the transaction."""
    return Screening.objects.select_for_update().get(pk=screening.pk)


def seats_held(screening: Screening) -> int:
    """Seats of parties going, and of parties offered seats they have not yet claimed."""
    held = Rsvp.objects.filter(screening=screening).holding()
    return held.aggregate(seats=Sum(1 + F("guests")))["seats"] or 0


def free_seats(screening: Screening) -> int:
    """Below 0 only for a screening whose capacity was lowered under the seats held before that was refused."""
    return screening.capacity - seats_held(screening)


def too_few_seats(screening: Screening, capacity: int) -> str:
    """Why `capacity` cannot be the screening's from now on, or "": never below the seats already held
    (going, and offered). Call holding the lock, before saving."""
    held = seats_held(screening)
    if screening.pk is None or capacity >= held or capacity == screening.capacity:
        return ""
    return f"{held} seats are held already (going, or offered and not yet claimed): the capacity cannot be lower."


def unused_code() -> str:
    """A ticket code no RSVP has (the unique constraint stands behind this check)."""
    while Rsvp.objects.filter(code=(code := new_ticket_code())).exists():
        pass
    return code


def tell(booking: Rsvp) -> None:
    """Owe the member an email about their RSVP; it goes after SETTLE and tells the state it is in then."""
    if booking.member_id:
        notify("screenings.rsvp", booking.pk, delay=SETTLE, collapse=True)


@dataclass(frozen=True)
class Waiting:
    """One place in the queue: a whole party waiting, or the extra guests of a member who has a seat."""

    rsvp: Rsvp
    seats: int
    guests_only: bool

    @property
    def since(self) -> datetime:
        return (self.rsvp.waiting_since or self.rsvp.queued_at) if self.guests_only else self.rsvp.queued_at


def queue(screening: Screening) -> list[Waiting]:
    """The waitlist in order: parties by when they joined it, members' extra guests by when they began to wait."""
    rows = Rsvp.objects.filter(screening=screening).filter(
        Q(status=RsvpStatus.WAITLISTED) | Q(status=RsvpStatus.GOING, waiting_guests__gt=0)
    )
    return in_queue_order(rows.select_related("member"))


def place_in_queue(booking: Rsvp) -> int | None:
    """The party's place on the waitlist (1 for the next to be offered a seat), counted in the order
    seats are given; None when it is not waiting."""
    if booking.status != RsvpStatus.WAITLISTED:
        return None
    places = [place.rsvp.pk for place in queue(booking.screening)]
    return places.index(booking.pk) + 1


def in_queue_order(rows) -> list[Waiting]:
    """The places in the queue among a screening's RSVPs, in order (the door page sorts what it has read)."""
    places = []
    for row in rows:
        if row.status == RsvpStatus.WAITLISTED:
            places.append(Waiting(row, row.party_size, guests_only=False))
        elif row.status == RsvpStatus.GOING and row.waiting_guests > 0:
            places.append(Waiting(row, row.waiting_guests, guests_only=True))
    return sorted(places, key=lambda place: (place.since, place.rsvp.pk))


def seat_waiting(entry: Waiting) -> Rsvp:
    """Give a place in the queue its seats now: the party is going, or the member's guests join them."""
    booking = entry.rsvp
    if entry.guests_only:
        booking.guests += booking.waiting_guests
        booking.waiting_guests, booking.waiting_since = 0, None
    else:
        booking.status = RsvpStatus.GOING
    booking.save(update_fields=["status", "guests", "waiting_guests", "waiting_since", "updated"])
    return booking


def fill_free_seats(screening: Screening, *, now: datetime, present: Rsvp | None = None) -> list[Rsvp]:
    """Give free seats to the queue in order; a party that does not fit waits for one that does.

    A waiting party is offered the seats, to claim by `screening.offer_deadline(now)`; a seated member's
    waiting guests are seated (the member is coming and asked for them), and so is the member `present`,
    who is changing their own RSVP. From CLUB_DOOR_WINDOW before the start, seats that free up go to the
    door: nothing is offered. Call inside a transaction that holds the screening's lock.
    """
    if screening.is_cancelled or now >= screening.door_opens_at:
        return []
    free = free_seats(screening)
    changed, deadlines = [], set()
    for entry in queue(screening):
        if free <= 0:
            break
        if entry.seats > free:
            continue
        if entry.guests_only or (present is not None and entry.rsvp.pk == present.pk):
            changed.append(seat_waiting(entry))
        else:
            changed.append(_offer(entry.rsvp, screening.offer_deadline(now), now))
            deadlines.add(entry.rsvp.offer_expires_at)
        free -= entry.seats
    for deadline in deadlines:
        # The scheduled check: the worker runs it at the deadline, in case nobody opens the page then.
        check_offers.using(run_after=deadline).enqueue(screening.pk)
    for booking in changed:
        tell(booking)
    return changed


def _offer(booking: Rsvp, deadline: datetime, now: datetime) -> Rsvp:
    booking.status, booking.offered_at, booking.offer_expires_at = RsvpStatus.OFFERED, now, deadline
    booking.save(update_fields=["status", "offered_at", "offer_expires_at", "updated"])
    return booking


def lapse_due_offers(screening: Screening, *, now: datetime) -> list[Rsvp]:
    """Offers past their deadline lapse and their seats pass on. Call holding the screening's lock."""
    due = list(Rsvp.objects.filter(screening=screening).offered().filter(offer_expires_at__lte=now))
    for booking in due:
        booking.status = RsvpStatus.LAPSED
        booking.save(update_fields=["status", "updated"])
        tell(booking)
    if due:
        fill_free_seats(screening, now=now)
    return due


def expire_offers(*, screening: Screening | None = None, now: datetime | None = None) -> int:
    """Lapse every offer past its deadline (of one screening, or all) and pass the seats on; returns how many.

    The worker's scheduled check, `manage.py expire_offers`, and any request that touches a screening
    with an offer due all call this: whichever comes first does the work, the others find none due.
    """
    now = now or timezone.now()
    if screening is not None:
        return _expire([screening.pk], now)
    due = Rsvp.objects.offered().filter(offer_expires_at__lte=now)
    return _expire(sorted(set(due.values_list("screening", flat=True))), now)


def _expire(screening_ids: list[int], now: datetime) -> int:
    lapsed = 0
    for screening_id in screening_ids:
        with transaction.atomic():
            locked = Screening.objects.select_for_update().filter(pk=screening_id).first()
            lapsed += len(lapse_due_offers(locked, now=now)) if locked else 0
    return lapsed


@task()
def check_offers(screening_id: int) -> int:
    """Enqueued for each offer's deadline when it is made; a check that finds nothing due does nothing."""
    return _expire([screening_id], timezone.now())
