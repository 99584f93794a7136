"""The club's emails about screenings. Services call these from transaction.on_commit, never before."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string

from screenings.models import RsvpStatus


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(template: str, subject: str, screening, members, **context) -> int:
    messages = [
        EmailMessage(
            subject=f"{subject}: {screening.title}",
            body=render_to_string(
                f"screenings/email/{template}.txt",
                {"screening": screening, "member": member, "url": _site_url(screening.get_absolute_url()), **context},
            ),
            to=[member.email],
        )
        for member in members
        if member.email
    ]
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0


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
