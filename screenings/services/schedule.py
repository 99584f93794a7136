"""An organiser's changes to a screening (time, place, seats, cancelling) and the reminders before it."""

import copy
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from outbox.delivery import announce, notify
from screenings.models import Rsvp, Screening, ScreeningStatus
from screenings.services.seats import Refused, check_offers, fill_free_seats, lock, too_few_seats


def _announce(kind: str, screening: Screening) -> int:
    """Owe everyone with an RSVP an email; the worker finds who they are, so this is quick for any number."""
    announce(kind, screening.pk)
    return Rsvp.objects.filter(screening=screening, member__isnull=False).active().count()


@transaction.atomic
def cancel_screening(*, screening: Screening, reason: str = "", replacement: Screening | None = None) -> int:
    """Cancel a screening and tell everyone who RSVP'd or waits, with the organiser's reason and the new
    date if there is one. It stays in calendars, marked cancelled."""
    previous = lock(screening)
    if previous.is_cancelled:
        return 0
    screening = copy.deepcopy(previous)
    screening.status = ScreeningStatus.CANCELLED
    screening.cancellation_reason = reason.strip()
    screening.replacement = replacement if replacement and replacement.pk != screening.pk else None
    return _save(screening, previous)


@transaction.atomic
def save_screening(*, screening: Screening) -> int:
    """Save an organiser's edit, the one path for changes to a screening; returns how many members are told.
    Refused when the capacity would go below the seats already held.

    A new time, length or place is a new calendar revision. More seats go to the queue; a new time or
    place is announced. The status stays as it is: cancelling is cancel_screening's.
    """
    if screening.pk is None:
        screening.save()
        return 0
    previous = lock(screening)
    if refusal := too_few_seats(previous, screening.capacity):
        raise Refused(refusal)
    # Only cancel_screening changes the status: an edit, or a revert to an older version of the
    # screening, never cancels one in passing nor brings a cancelled one back without a word to anyone.
    screening.status, screening.cancellation_reason = previous.status, previous.cancellation_reason
    screening.replacement_id = previous.replacement_id
    return _save(screening, previous)


def _save(screening: Screening, previous: Screening) -> int:
    """`previous` is the row as locked, before the change."""
    # From the row, not the instance: an edit made meanwhile elsewhere must never take SEQUENCE backwards.
    screening.revision = previous.revision + (screening.schedule() != previous.schedule())
    cancelled_now = screening.is_cancelled and not previous.is_cancelled
    moved = (screening.starts_at, screening.venue_id) != (previous.starts_at, previous.venue_id)
    screening.save()
    if cancelled_now:
        return _announce("screenings.cancelled", screening)
    if moved:
        _keep_offers_before_the_door(screening)
    if not screening.is_cancelled:
        fill_free_seats(screening, now=timezone.now())
    return _announce("screenings.moved", screening) if moved else 0


def _keep_offers_before_the_door(screening: Screening) -> None:
    """A screening moved earlier brings its door forward: no open offer may run past it."""
    late = Rsvp.objects.filter(screening=screening).offered().filter(offer_expires_at__gt=screening.door_opens_at)
    if late.update(offer_expires_at=screening.door_opens_at):
        check_offers.using(run_after=screening.door_opens_at).enqueue(screening.pk)


def queue_reminders(*, now=None) -> int:
    """Queue reminders for going members of screenings between now and the end of tomorrow; each member once."""
    now = now or timezone.now()
    tomorrow_ends = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=2)
    due = Rsvp.objects.going().filter(
        member__isnull=False,
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
