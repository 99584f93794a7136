"""The club's emails about screenings, composed by the task queue from the database as it is when they go.

RSVP notices wait a minute (SETTLE) and then tell the member's state at that moment: a member who
RSVPs and cancels within the minute gets one email, about where they ended up.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from core import mail
from core.links import absolute_url
from outbox.kinds import Composed, register
from screenings import tickets
from screenings.models import ACTIVE, Reflection, Rsvp, RsvpStatus

SETTLE = timedelta(minutes=1)


def _message(template: str, subject: str, rsvp: Rsvp, **context) -> mail.EmailMessage | None:
    member, screening = rsvp.member, rsvp.screening
    if member is None or not member.email:
        return None
    message = mail.message(
        to=member.email,
        subject=f"{subject}: {screening.title}",
        template=f"screenings/email/{template}.txt",
        context={
            "screening": screening,
            "member": member,
            "booking": rsvp,
            "url": absolute_url(screening.get_absolute_url()),
            "code": tickets.spaced(rsvp.code),
            **context,
        },
    )
    if rsvp.status == RsvpStatus.GOING and template in TICKETED:
        message.attach(f"ticket-{rsvp.code}.png", tickets.qr_png(rsvp), "image/png")
    return message


def _rsvp(rsvp_id: int) -> Rsvp | None:
    related = ("member", "screening__venue", "screening__replacement__venue")
    return Rsvp.objects.select_related(*related).filter(pk=rsvp_id).first()


# Emails that confirm a seat carry the ticket: its code in the text and its QR image attached.
TICKETED = {"going", "promoted", "party"}
# What to say about an RSVP now, given what was said last: (status now, last said) -> (template, subject).
# An offer is news whatever came before it; so is a lapsed one.
RSVP_NEWS = {
    (RsvpStatus.GOING, RsvpStatus.WAITLISTED): ("promoted", "A seat has come free"),
    (RsvpStatus.GOING, RsvpStatus.OFFERED): ("going", "You're going"),
    (RsvpStatus.GOING, None): ("going", "You're going"),
    (RsvpStatus.GOING, RsvpStatus.CANCELLED): ("going", "You're going"),
    (RsvpStatus.GOING, RsvpStatus.LAPSED): ("going", "You're going"),
    (RsvpStatus.WAITLISTED, None): ("waitlisted", "You're on the waitlist"),
    (RsvpStatus.WAITLISTED, RsvpStatus.CANCELLED): ("waitlisted", "You're on the waitlist"),
    (RsvpStatus.WAITLISTED, RsvpStatus.LAPSED): ("waitlisted", "You're on the waitlist"),
    **{(RsvpStatus.OFFERED, last): ("offered", "A seat is yours to claim") for last in (None, *RsvpStatus)},
    **{(RsvpStatus.LAPSED, last): ("lapsed", "Your offer has passed on") for last in (None, *RsvpStatus)},
    (RsvpStatus.CANCELLED, None): ("rsvp_cancelled", "Your RSVP is cancelled"),
    (RsvpStatus.CANCELLED, RsvpStatus.GOING): ("rsvp_cancelled", "Your RSVP is cancelled"),
    (RsvpStatus.CANCELLED, RsvpStatus.WAITLISTED): ("rsvp_cancelled", "Your RSVP is cancelled"),
    (RsvpStatus.CANCELLED, RsvpStatus.OFFERED): ("rsvp_cancelled", "Your RSVP is cancelled"),
}
PARTY_NEWS = ("party", "Your party has changed")


def _summary(rsvp: Rsvp) -> str:
    """What a notice said, kept with it: the status, and the guests seated and waiting."""
    return f"{rsvp.status} {rsvp.guests}+{rsvp.waiting_guests}"


def _news(rsvp: Rsvp, last: str | None) -> tuple[str, str] | None:
    said_status, _, said_party = (last or "").partition(" ")
    if (rsvp.status, said_status or None) in RSVP_NEWS and rsvp.status != said_status:
        return RSVP_NEWS[(rsvp.status, said_status or None)]
    # The same status: news only when a going party changed (a guest seated, or fewer guests).
    if rsvp.status == RsvpStatus.GOING and said_party and said_party != _summary(rsvp).partition(" ")[2]:
        return PARTY_NEWS
    return None


def rsvp_news(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    """A member's RSVP: confirmed, waitlisted, offered, claimed, lapsed, changed or cancelled, whichever is
    new since the last email."""
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or rsvp.screening.is_cancelled or rsvp.screening.ends_at < timezone.now():
        return None
    news = _news(rsvp, last)
    claim = absolute_url(reverse("screenings:claim", kwargs={"slug": rsvp.screening.slug}))
    return Composed(_summary(rsvp), _message(*news, rsvp, claim_url=claim) if news else None, rsvp.member)


def cancelled(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or not rsvp.screening.is_cancelled or rsvp.status not in ACTIVE or last == "cancelled":
        return None
    replacement = rsvp.screening.replacement
    new_url = absolute_url(replacement.get_absolute_url()) if replacement else ""
    message = _message("cancelled", "Cancelled", rsvp, replacement=replacement, new_url=new_url)
    return Composed("cancelled", message, rsvp.member)


def moved(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    """A new time or place; the details are the screening's as they are when the email goes."""
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or rsvp.screening.is_cancelled or rsvp.status not in ACTIVE:
        return None
    said = f"revision {rsvp.screening.revision}"
    return None if last == said else Composed(said, _message("moved", "New time or place", rsvp), rsvp.member)


def reminder(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    rsvp = _rsvp(rsvp_id)
    started = rsvp is not None and rsvp.screening.starts_at <= timezone.now()
    if rsvp is None or rsvp.status != RsvpStatus.GOING or rsvp.screening.is_cancelled or started or last:
        return None
    return Composed("reminded", _message("reminder", "Tomorrow", rsvp), rsvp.member)


def reflection_invite(rsvp_id: int, *, last: str | None, data: dict) -> Composed | None:
    """The morning after: to a member who was there and has not written yet."""
    rsvp = _rsvp(rsvp_id)
    if rsvp is None or last or not Rsvp.objects.filter(pk=rsvp_id).attended().exists():
        return None
    if Reflection.objects.filter(screening=rsvp.screening, member=rsvp.member).exists():
        return None
    form = absolute_url(reverse("screenings:reflect", kwargs={"slug": rsvp.screening.slug}))
    return Composed("invited", _message("reflection_invite", "What did you think", rsvp, form_url=form), rsvp.member)


def booked(screening_id: int):
    """Members with an RSVP that still counts: who a cancellation or a move is announced to."""
    active = Rsvp.objects.filter(screening=screening_id, member__isnull=False).active().order_by("pk")
    return ((rsvp_id,) for rsvp_id in active.values_list("pk", flat=True))


def attendees(screening_id: int):
    """Members who were there: who the morning's invitation to reflect goes to."""
    there = Rsvp.objects.filter(screening=screening_id, member__isnull=False).attended().order_by("pk")
    return ((rsvp_id,) for rsvp_id in there.values_list("pk", flat=True))


def register_kinds() -> None:
    register("screenings.rsvp", rsvp_news, latest_only=True)
    register("screenings.cancelled", cancelled, audience=booked, latest_only=True)
    register("screenings.moved", moved, audience=booked, latest_only=True)
    register("screenings.reminder", reminder)
    register("screenings.reflection_invite", reflection_invite, audience=attendees)
