"""The club's emails about screenings, composed by the task queue from the database as it is when they go.

RSVP notices wait a minute (SETTLE) and then tell the member's state at that moment: a member who
RSVPs and cancels within the minute gets one email, about where they ended up.
"""

from datetime import timedelta

from django.utils import timezone

from core import mail
from core.links import absolute_url
from outbox.kinds import Composed, register
from screenings.models import Rsvp, RsvpStatus

SETTLE = timedelta(minutes=1)


def _message(template: str, subject: str, rsvp: Rsvp) -> mail.EmailMessage | None:
    member, screening = rsvp.member, rsvp.screening
    if not member.email:
        return None
    return mail.message(
        to=member.email,
        subject=f"{subject}: {screening.title}",
        template=f"screenings/email/{template}.txt",
        context={
            "screening": screening,
            "member": member,
            "booking": rsvp,
            "url": absolute_url(screening.get_absolute_url()),
        },
    )


def _rsvp(rsvp_id: int) -> Rsvp | None:
    return Rsvp.objects.select_related("member", "screening__venue").filter(pk=rsvp_id).first()


# What to say about an RSVP now, given what was said last: (status now, last said) -> (template, subject).
RSVP_NEWS = {
    (RsvpStatus.GOING, RsvpStatus.WAITLISTED): ("promoted", "A seat has come free"),
    (RsvpStatus.GOING, None): ("going", "You're going"),
    (RsvpStatus.GOING, RsvpStatus.CANCELLED): ("going", "You're going"),
    (RsvpStatus.WAITLISTED, None): ("waitlisted", "You're on the waitlist"),
    (RsvpStatus.WAITLISTED, RsvpStatus.CANCELLED): ("waitlisted", "You're on the waitlist"),
    (RsvpStatus.CANCELLED, None): ("rsvp_cancelled", "Your RSVP is cancelled"),
    (RsvpStatus.CANCELLED, RsvpStatus.GOING): ("rsvp_cancelled", "Your RSVP is cancelled"),
    (RsvpStatus.CANCELLED, RsvpStatus.WAITLISTED): ("rsvp_cancelled", "Your RSVP is cancelled"),
}


def rsvp_news(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    """A member's RSVP: confirmed, waitlisted, promoted or cancelled, whichever is new since the last email."""
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or rsvp.screening.is_cancelled or rsvp.screening.ends_at < timezone.now():
        return None
    news = RSVP_NEWS.get((rsvp.status, last))
    return Composed(rsvp.status, _message(*news, rsvp) if news else None, rsvp.member)


def cancelled(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or not rsvp.screening.is_cancelled or rsvp.status == RsvpStatus.CANCELLED or last == "cancelled":
        return None
    return Composed("cancelled", _message("cancelled", "Cancelled", rsvp), rsvp.member)


def moved(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    """A new time or place; the details are the screening's as they are when the email goes."""
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or rsvp.screening.is_cancelled or rsvp.status == RsvpStatus.CANCELLED:
        return None
    said = f"revision {rsvp.screening.revision}"
    return None if last == said else Composed(said, _message("moved", "New time or place", rsvp), rsvp.member)


def reminder(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    rsvp = _rsvp(rsvp_id)
    started = rsvp is not None and rsvp.screening.starts_at <= timezone.now()
    if rsvp is None or rsvp.status != RsvpStatus.GOING or rsvp.screening.is_cancelled or started or last:
        return None
    return Composed("reminded", _message("reminder", "Tomorrow", rsvp), rsvp.member)


def booked(screening_id: int):
    """Everyone with an RSVP that still counts: who a cancellation or a move is announced to."""
    active = Rsvp.objects.filter(screening=screening_id).active().order_by("pk")
    return ((rsvp_id,) for rsvp_id in active.values_list("pk", flat=True))


def register_kinds() -> None:
    register("screenings.rsvp", rsvp_news, latest_only=True)
    register("screenings.cancelled", cancelled, audience=booked, latest_only=True)
    register("screenings.moved", moved, audience=booked, latest_only=True)
    register("screenings.reminder", reminder)
