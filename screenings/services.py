"""Every write that counts seats goes through here, from views, admin actions and commands alike.

Each function runs in one transaction and locks the screening row first, so two members
RSVPing at once are counted one after the other and never overbook.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from screenings import emails
from screenings.models import Rsvp, RsvpStatus, Screening, ScreeningStatus


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
    transaction.on_commit(lambda: emails.rsvp_received(booking))
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
    if was_going and not screening.is_cancelled:
        promote_waitlisted(screening)
    return booking


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
        transaction.on_commit(lambda booking=booking: emails.promoted(booking))
    return promoted


def _announce(screening: Screening, send) -> int:
    recipients = list(Rsvp.objects.filter(screening=screening).active().select_related("member"))
    transaction.on_commit(lambda: send(screening, recipients))
    return len(recipients)


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
        return _announce(screening, emails.screening_cancelled)
    if not screening.is_cancelled:
        promote_waitlisted(screening)
    return _announce(screening, emails.screening_moved) if moved else 0


def send_reminders(*, now=None) -> int:
    """Remind going members of screenings between now and the end of tomorrow; each member once."""
    now = now or timezone.now()
    tomorrow_ends = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=2)
    due = (
        Rsvp.objects.going()
        .filter(
            reminder_sent_at__isnull=True,
            screening__status=ScreeningStatus.SCHEDULED,
            screening__starts_at__gt=now,
            screening__starts_at__lt=tomorrow_ends,
        )
        .select_related("member", "screening__venue")
    )
    sent = 0
    for booking in due:
        with transaction.atomic():
            # Claim the row first so two overlapping runs cannot both send.
            claimed = Rsvp.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
            if claimed:
                transaction.on_commit(lambda booking=booking: emails.reminder(booking))
                sent += 1
    return sent
