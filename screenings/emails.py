"""The club's emails about screenings. Services call these from transaction.on_commit, never before."""

from core import mail
from core.links import absolute_url
from screenings.models import RsvpStatus


def _send(template: str, subject: str, screening, members, **context) -> int:
    url = absolute_url(screening.get_absolute_url())
    return mail.send(
        [
            mail.message(
                to=member.email,
                subject=f"{subject}: {screening.title}",
                template=f"screenings/email/{template}.txt",
                context={"screening": screening, "member": member, "url": url, **context},
            )
            for member in members
            if member.email
        ]
    )


def rsvp_received(booking) -> int:
    if booking.status == RsvpStatus.GOING:
        return _send("going", "You're going", booking.screening, [booking.member], booking=booking)
    return _send("waitlisted", "You're on the waitlist", booking.screening, [booking.member], booking=booking)


def promoted(booking) -> int:
    return _send("promoted", "A seat has come free", booking.screening, [booking.member], booking=booking)


def screening_cancelled(screening, bookings) -> int:
    return _send("cancelled", "Cancelled", screening, [b.member for b in bookings])


def screening_moved(screening, bookings) -> int:
    return _send("moved", "New time or place", screening, [b.member for b in bookings])


def reminder(booking) -> int:
    return _send("reminder", "Tomorrow", booking.screening, [booking.member], booking=booking)
