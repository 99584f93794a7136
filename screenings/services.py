"""Every write that counts seats goes through here, from views, admin actions and commands alike.

Each function runs in one transaction and locks the screening row first, so two members
RSVPing at once are counted one after the other and never overbook.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from outbox.delivery import announce, notify
from screenings.models import Rsvp, RsvpStatus, Screening, ScreeningStatus
from screenings.notices import SETTLE


class RsvpRefused(Exception):
    """An RSVP that cannot be taken; the message is for the member."""


def _lock(screening: Screening) -> Screening:
    return Screening.objects.select_for_update().get(pk=screening.pk)


def seats_taken(screening: Screening) -> int:
    going = Rsvp.objects.filter(screening=screening).going()
    return going.aggregate(seats=Sum(1 + F("guests")))["seats"] or 0


@transaction.atomic
def rsvp(*, member, screening: Screening, guests: int = 0) -> Rsvp:
    """Confirm a seat, or a place on the waitlist when the party does not fit. Repeating it changes nothing."""
    screening = _lock(screening)
    if reason := screening.rsvp_closed_reason():
        raise RsvpRefused(reason)
    if not 0 <= guests <= screening.max_guests:
        allowed = f"up to {screening.max_guests} guest(s)" if screening.max_guests else "no guests"
        raise RsvpRefused(f"This screening allows {allowed}.")

    existing = Rsvp.objects.filter(member=member, screening=screening).first()
    if existing and existing.status != RsvpStatus.CANCELLED:
        return existing

    fits = seats_taken(screening) + 1 + guests <= screening.capacity
    status = RsvpStatus.GOING if fits else RsvpStatus.WAITLISTED
    booking = existing or Rsvp(member=member, screening=screening)
    booking.status, booking.guests, booking.queued_at = status, guests, timezone.now()
    booking.save()
    _tell(booking)
    return booking


@transaction.atomic
def cancel_rsvp(*, member, screening: Screening) -> Rsvp | None:
    """Give up a seat or leave the waitlist. A freed seat goes to the waitlist at once."""
    screening = _lock(screening)
    booking = Rsvp.objects.filter(member=member, screening=screening).active().first()
    if booking is None:
        return None
    was_going = booking.status == RsvpStatus.GOING
    booking.status = RsvpStatus.CANCELLED
    booking.save(update_fields=["status", "updated"])
    _tell(booking)
    if was_going and not screening.is_cancelled:
        promote_waitlisted(screening)
    return booking


def _tell(booking: Rsvp) -> None:
    """Owe the member an email about their RSVP; it goes after SETTLE and tells the state it is in then."""
    notify("screenings.rsvp", booking.pk, delay=SETTLE, collapse=True)


def promote_waitlisted(screening: Screening) -> list[Rsvp]:
    """Fill free seats from the waitlist in first-come order; a party that does not fit waits for one that does.

    Call inside a transaction that holds the screening's lock.
    """
    free = screening.capacity - seats_taken(screening)
    promoted = []
    for waiting in Rsvp.objects.filter(screening=screening).waitlisted().select_related("member"):
        if free <= 0:
            break
        if waiting.party_size <= free:
            waiting.status = RsvpStatus.GOING
            waiting.save(update_fields=["status", "updated"])
            free -= waiting.party_size
            promoted.append(waiting)
    for booking in promoted:
        _tell(booking)
    return promoted


def _announce(kind: str, screening: Screening) -> int:
    """Owe everyone with an RSVP an email; the worker finds who they are, so this is quick for any number."""
    announce(kind, screening.pk)
    return Rsvp.objects.filter(screening=screening).active().count()


@transaction.atomic
def cancel_screening(*, screening: Screening) -> int:
    """Cancel a screening and tell everyone who RSVP'd or waits. It stays in calendars, marked cancelled."""
    screening = _lock(screening)
    if screening.is_cancelled:
        return 0
    screening.status = ScreeningStatus.CANCELLED
    return save_screening(screening=screening)


@transaction.atomic
def save_screening(*, screening: Screening) -> int:
    """Save an organiser's edit, the one path for changes to a screening; returns how many members are told.

    A new time, length, place or status is a new calendar revision. More seats promote the waitlist;
    a cancellation or a new time or place is announced.
    """
    if screening.pk is None:
        screening.save()
        return 0
    previous = _lock(screening)
    # From the row, not the instance: an edit made meanwhile elsewhere must never take SEQUENCE backwards.
    screening.revision = previous.revision + (screening.schedule() != previous.schedule())
    cancelled_now = screening.is_cancelled and not previous.is_cancelled
    moved = (screening.starts_at, screening.venue_id) != (previous.starts_at, previous.venue_id)
    screening.save()
    if cancelled_now:
        return _announce("screenings.cancelled", screening)
    if not screening.is_cancelled:
        promote_waitlisted(screening)
    return _announce("screenings.moved", screening) if moved else 0


def queue_reminders(*, now=None) -> int:
    """Queue reminders for going members of screenings between now and the end of tomorrow; each member once."""
    now = now or timezone.now()
    tomorrow_ends = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=2)
    due = Rsvp.objects.going().filter(
        reminder_queued_at__isnull=True,
        screening__status=ScreeningStatus.SCHEDULED,
        screening__starts_at__gt=now,
        screening__starts_at__lt=tomorrow_ends,
    )
    queued = 0
    for rsvp_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            # Claim the row first so two overlapping runs cannot both queue one.
            if Rsvp.objects.filter(pk=rsvp_id, reminder_queued_at__isnull=True).update(reminder_queued_at=now):
                notify("screenings.reminder", rsvp_id)
                queued += 1
    return queued
