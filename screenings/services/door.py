"""The door on the night: check in and undo, walk-ins into free seats, the next in line.

Nothing here sends mail but "a seat has come free" to the next in line, which is queued like every
notice: the door works while the mail relay is down.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from screenings.models import CANCELLED_NOTE, HOLDING, Rsvp, RsvpStatus, Screening
from screenings.services.seats import Refused, fill_free_seats, free_seats, lock, queue, seat_waiting, tell, unused_code


class DoorRefused(Refused):
    """Something the door cannot do; the message is for the volunteer."""


def _open(screening: Screening, now: datetime) -> None:
    if screening.is_cancelled:
        raise DoorRefused(CANCELLED_NOTE)
    if screening.ends_at <= now:
        raise DoorRefused("This screening is over: its door list is kept as it was.")


def _still_open_to(screening: Screening, now: datetime, *, staff: bool) -> None:
    """Who came is settled once the screening ends: after it only an organiser or curator corrects the list
    (a check-in is what lets a member write a reflection)."""
    if screening.ends_at <= now and not staff:
        raise DoorRefused("This screening is over: an organiser can correct who came.")


def _ticket(screening: Screening, rsvp_id) -> Rsvp:
    booking = Rsvp.objects.select_related("member", "screening").filter(pk=rsvp_id).first()
    if booking is None:
        raise DoorRefused("There is no such ticket.")
    if booking.screening_id != screening.pk:
        when = timezone.localtime(booking.screening.starts_at)
        raise DoorRefused(f"That ticket is for another screening: {booking.screening.title}, {when:%-d %B %Y}.")
    return booking


@transaction.atomic
def check_in(*, screening: Screening, rsvp_id, by=None, staff: bool = False) -> tuple[Rsvp, bool]:
    """Mark a party going as arrived, checked in `by` whoever runs the door; False when it was already. After
    the end, only `staff` (an organiser or curator) may."""
    screening = lock(screening)
    if screening.is_cancelled:
        raise DoorRefused(CANCELLED_NOTE)
    _still_open_to(screening, timezone.now(), staff=staff)
    booking = _ticket(screening, rsvp_id)
    if booking.status != RsvpStatus.GOING:
        raise DoorRefused(
            f"{booking.name} has no seat ({booking.get_status_display().lower()}): give them one first, if one is free."
        )
    if booking.checked_in_at:
        return booking, False
    booking.checked_in_at, booking.checked_in_by = timezone.now(), by
    booking.save(update_fields=["checked_in_at", "checked_in_by", "updated"])
    return booking, True


@transaction.atomic
def undo_check_in(*, screening: Screening, rsvp_id, staff: bool = False) -> tuple[Rsvp, bool]:
    """Take back a check-in made by mistake; False when the party was not checked in. After the end, only
    `staff` may."""
    screening = lock(screening)
    _still_open_to(screening, timezone.now(), staff=staff)
    booking = _ticket(screening, rsvp_id)
    if not booking.checked_in_at:
        return booking, False
    booking.checked_in_at, booking.checked_in_by = None, None
    booking.save(update_fields=["checked_in_at", "checked_in_by", "updated"])
    return booking, True


@transaction.atomic
def walk_in(*, screening: Screening, name: str = "", member=None, guests: int = 0, by=None) -> Rsvp:
    """Seat someone at the door, checked in: a guest by name, or a member (their RSVP, if any, becomes
    the seat). Never past capacity."""
    now = timezone.now()
    screening = lock(screening)
    _open(screening, now)
    name = " ".join(name.split())[:120]
    if member is None and not name:
        raise DoorRefused("Give the guest's name, or a member's username.")
    if not 0 <= guests <= screening.max_guests:
        raise DoorRefused(f"This screening allows up to {screening.max_guests} guest(s) a person.")
    existing = Rsvp.objects.filter(member=member, screening=screening).first() if member else None
    if existing and existing.status == RsvpStatus.GOING:
        raise DoorRefused(f"{existing.name} already has a seat: find them in the list and check them in.")
    theirs = existing.party_size if existing and existing.status in HOLDING else 0
    free = free_seats(screening) + theirs
    if 1 + guests > free:
        raise DoorRefused(f"No seat is free for {1 + guests}: {max(free, 0)} free." if free > 0 else "No seat is free.")
    booking = existing or Rsvp(screening=screening, member=member, code=unused_code())
    booking.guest_name = "" if member else name
    booking.status, booking.guests, booking.waiting_guests, booking.waiting_since = RsvpStatus.GOING, guests, 0, None
    booking.walk_in, booking.checked_in_at, booking.checked_in_by = True, now, by
    if not existing or existing.status not in (RsvpStatus.WAITLISTED, RsvpStatus.OFFERED):
        booking.queued_at = now
    booking.save()
    if theirs > 1 + guests:
        fill_free_seats(screening, now=now)
    return booking


@transaction.atomic
def give_seat_to_next(*, screening: Screening) -> Rsvp:
    """Seat the first place in the queue that fits the free seats, and tell them."""
    now = timezone.now()
    screening = lock(screening)
    _open(screening, now)
    free = free_seats(screening)
    if free <= 0:
        raise DoorRefused("No seat is free.")
    for entry in queue(screening):
        if entry.seats <= free:
            booking = seat_waiting(entry)
            tell(booking)
            return booking
    raise DoorRefused(f"Nobody waiting fits the {free} free seat(s).")
