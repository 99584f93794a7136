"""A member's RSVPs, for "Download my data" and "Delete my account" (see core.personal_data)."""

from core import personal_data
from core.links import absolute_url
from screenings import services
from screenings.models import Rsvp


def rsvps(member) -> list[dict]:
    return [
        {
            "screening": rsvp.screening.title,
            "url": absolute_url(rsvp.screening.get_absolute_url()),
            "starts_at": rsvp.screening.starts_at,
            "status": rsvp.status,
            "guests": rsvp.guests,
            "queued_at": rsvp.queued_at,
            "created": rsvp.created,
        }
        for rsvp in Rsvp.objects.filter(member=member).select_related("screening").order_by("screening__starts_at")
    ]


def erase(member) -> None:
    """Give up a leaving member's seats and waitlist places through the services, so the waitlist moves up; the
    admin's log no longer names them beside their RSVPs."""
    for rsvp in Rsvp.objects.upcoming_for(member):
        services.cancel_rsvp(member=member, screening=rsvp.screening)
    theirs = Rsvp.objects.filter(member=member).values_list("pk", flat=True)
    personal_data.rename_in_admin_log(Rsvp, theirs, "RSVP of a former member")
