"""A member's own RSVP: taking a seat or a place on the waitlist, guests, claiming an offer, cancelling."""

from datetime import datetime

from django.db import models, transaction
from django.utils import timezone

from screenings.models import ACTIVE, CANCELLED_NOTE, HOLDING, Rsvp, RsvpStatus, Screening
from screenings.services.seats import Refused, fill_free_seats, free_seats, lock, queue, tell, unused_code


class RsvpRefused(Refused):
    """An RSVP that cannot be taken or changed; the message is for the member."""


class Short(models.TextChoices):
    """What a member wants when seats are left, but not enough for their whole party."""

    ASK = "ask", "Ask me"
    GUESTS_WAIT = "guests-wait", "Take my seat now; my guests wait for seats"
    FEWER = "fewer", "Take the seats that are left; I come with fewer guests"
    WAIT_TOGETHER = "wait", "Put us all on the waitlist together"


class PartyDoesNotFit(RsvpRefused):
    """Some seats are left, not enough for the party: the member chooses (see Short)."""

    def __init__(self, free: int, guests: int):
        self.free, self.guests = free, guests
        seats = "1 seat is" if free == 1 else f"{free} seats are"
        super().__init__(f"Only {seats} left, and you asked for {1 + guests}.")


def open_to_newcomers(screening: Screening, now: datetime) -> int:
    """Free seats a new RSVP (or a member's extra guest) may take. Before the door takes over, nobody
    waiting fits them (the queue was offered what fits); after, they are the door's to give to the queue."""
    free = free_seats(screening)
    if free > 0 and now >= screening.door_opens_at and queue(screening):
        return 0
    return max(free, 0)


def _check_guests(screening: Screening, guests: int) -> None:
    if not 0 <= guests <= screening.max_guests:
        allowed = f"up to {screening.max_guests} guest(s)" if screening.max_guests else "no guests"
        raise RsvpRefused(f"This screening allows {allowed}.")


@transaction.atomic
def rsvp(*, member, screening: Screening, guests: int = 0, short: str = Short.ASK) -> Rsvp:
    """Confirm a seat, or a place on the waitlist when nothing is left. Repeating it changes nothing.

    When seats are left but not enough for the party, `short` says what the member chose; with
    Short.ASK (the default) the member has not chosen yet, and PartyDoesNotFit says how many are left.
    """
    now = timezone.now()
    screening = lock(screening)
    if reason := screening.rsvp_closed_reason(now):
        raise RsvpRefused(reason)
    _check_guests(screening, guests)
    existing = Rsvp.objects.filter(member=member, screening=screening).first()
    if existing and existing.status in ACTIVE:
        return existing

    seats = open_to_newcomers(screening, now)
    status, seated, waiting = RsvpStatus.GOING, guests, 0
    if 1 + guests > seats:
        if seats == 0 or short == Short.WAIT_TOGETHER:
            status = RsvpStatus.WAITLISTED
        elif short == Short.ASK:
            raise PartyDoesNotFit(seats, guests)
        else:
            seated = seats - 1
            waiting = guests - seated if short == Short.GUESTS_WAIT else 0
    booking = existing or Rsvp(member=member, screening=screening, code=unused_code())
    booking.status, booking.guests, booking.waiting_guests = status, seated, waiting
    booking.queued_at, booking.waiting_since = now, now if waiting else None
    booking.offered_at = booking.offer_expires_at = booking.checked_in_at = None
    booking.walk_in = False
    booking.save()
    tell(booking)
    return booking


@transaction.atomic
def change_guests(*, member, screening: Screening, guests: int) -> Rsvp:
    """Change how many guests come; the member keeps their seat or their place on the waitlist.

    Fewer guests free seats for the queue. More guests take free seats, and those that find none wait
    at the end of the queue while the member keeps their seat.
    """
    now = timezone.now()
    screening = lock(screening)
    if screening.is_cancelled or screening.starts_at <= now:
        raise RsvpRefused(screening.rsvp_closed_reason(now))
    _check_guests(screening, guests)
    booking = Rsvp.objects.filter(member=member, screening=screening).active().first()
    if booking is None:
        raise RsvpRefused("You have no RSVP for this screening.")
    if booking.status == RsvpStatus.OFFERED and guests > booking.guests:
        raise RsvpRefused("Claim the seats offered to you first; then you can ask for more guests.")
    if booking.status != RsvpStatus.GOING or guests <= booking.guests:
        booking.guests, booking.waiting_guests, booking.waiting_since = guests, 0, None
        booking.save(update_fields=["guests", "waiting_guests", "waiting_since", "updated"])
        fill_free_seats(screening, now=now, present=booking)
    else:
        extra = guests - booking.guests
        seated = min(extra, open_to_newcomers(screening, now))
        waiting = extra - seated
        if waiting > booking.waiting_guests:
            booking.waiting_since = now  # more guests waiting join the end of the queue
        booking.guests, booking.waiting_guests = booking.guests + seated, waiting
        booking.waiting_since = booking.waiting_since if waiting else None
        booking.save(update_fields=["guests", "waiting_guests", "waiting_since", "updated"])
    tell(booking)
    booking.refresh_from_db()
    return booking


@transaction.atomic
def claim_offer(*, member, screening: Screening, guests: int | None = None) -> Rsvp:
    """Take the seats offered, before the deadline; with `guests`, fewer of them (the rest pass on).
    Claiming twice changes nothing."""
    now = timezone.now()
    screening = lock(screening)
    if screening.is_cancelled:
        raise RsvpRefused(CANCELLED_NOTE)
    booking = Rsvp.objects.filter(member=member, screening=screening).first()
    if booking is not None and booking.status == RsvpStatus.GOING:
        return booking
    if booking is None or booking.status not in (RsvpStatus.OFFERED, RsvpStatus.LAPSED):
        raise RsvpRefused("No seat is offered to you for this screening.")
    if booking.status == RsvpStatus.LAPSED or booking.offer_expires_at <= now:
        raise RsvpRefused(booking.lapsed_note)
    fewer = guests is not None and 0 <= guests < booking.guests
    booking.status = RsvpStatus.GOING
    booking.guests = guests if fewer else booking.guests
    booking.save(update_fields=["status", "guests", "updated"])
    tell(booking)
    if fewer:
        fill_free_seats(screening, now=now)
    return booking


@transaction.atomic
def cancel_rsvp(*, member, screening: Screening) -> Rsvp | None:
    """Give up a seat, an offer or a place on the waitlist, before the start. Seats freed go to the queue at once.

    Once the screening has started, the RSVP is what the door and the counts go by: it stays as it is."""
    now = timezone.now()
    screening = lock(screening)
    if screening.starts_at <= now and not screening.is_cancelled:
        raise RsvpRefused(f"{screening.rsvp_closed_reason(now)} Your RSVP stays as it is.")
    booking = Rsvp.objects.filter(member=member, screening=screening).active().first()
    if booking is None:
        return None
    held = booking.status in HOLDING
    booking.status, booking.waiting_guests, booking.waiting_since = RsvpStatus.CANCELLED, 0, None
    booking.save(update_fields=["status", "waiting_guests", "waiting_since", "updated"])
    tell(booking)
    if held:
        fill_free_seats(screening, now=now)
    return booking
