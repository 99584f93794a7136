"""A member's RSVPs, attendance and reflections, for "Download my data" and "Delete my account" (see
core.personal_data)."""

from django.utils import timezone

from core import personal_data
from core.links import absolute_url
from screenings import attendance, services
from screenings.models import Reflection, ReflectionReport, ReflectionStatus, Rsvp, Screening

# What each section holds and for how long, for the privacy page (core.personal_data).
RSVPS = (
    "The screenings you RSVPed to: with how many guests, your place on a waitlist, a seat offered to you, your "
    "ticket code, and when you arrived at the door."
)
RSVPS_KEPT = (
    "While your account is open. Deleting it gives up your places at screenings to come; at those that have "
    "taken place your seat stays in the counts, with no name."
)
NIGHTS = (
    "Your reflections on screenings you attended (ratings and what you noticed), your reports of others' "
    "reflections, and the screenings you helped run at the door."
)
NIGHTS_KEPT = (
    "While your account is open. Deleting it removes your words; your ratings stay in the evening's average, "
    "with no name."
)


def rsvps(member) -> list[dict]:
    attended = set(attendance.seen_with_the_club(member).values_list("pk", flat=True))
    return [
        {
            "screening": rsvp.screening.title,
            "url": absolute_url(rsvp.screening.get_absolute_url()),
            "starts_at": rsvp.screening.starts_at,
            "status": rsvp.status,
            "guests": rsvp.guests,
            "guests_waiting": rsvp.waiting_guests,
            "ticket_code": rsvp.code,
            "queued_at": rsvp.queued_at,
            "offer_expired_at": rsvp.offer_expires_at,
            "arrived_at": rsvp.checked_in_at,
            "was_there": rsvp.pk in attended,
            "created": rsvp.created,
        }
        for rsvp in Rsvp.objects.filter(member=member).select_related("screening").order_by("screening__starts_at")
    ]


def reflections(member) -> dict:
    mine = Reflection.objects.filter(member=member).select_related("screening").order_by("created")
    return {
        "seen_with_the_club": attendance.seen_with_the_club(member).count(),
        "door_volunteer_for": [s.title for s in Screening.objects.filter(door_volunteers=member)],
        "reflections": [
            {
                "screening": r.screening.title,
                "ratings": dict(r.ratings),
                "noticed": r.noticed,
                "status": r.status,
                "created": r.created,
                "edited": r.edited_at,
            }
            for r in mine
        ],
        "reports": [
            {"reflection": report.reflection_id, "reason": report.reason, "note": report.note}
            for report in ReflectionReport.objects.filter(reporter=member).order_by("created")
        ],
    }


def erase(member) -> None:
    """Give up a leaving member's seats and waitlist places through the services (so the queue moves up),
    then take their attendance away: the RSVPs of screenings that have started stay as anonymous seats in
    the counts, their reflections as anonymous ratings, without their words. (Cancelled RSVPs of
    screenings to come say nothing of where they were, and stay theirs.) The admin's log names them no more."""
    for rsvp in Rsvp.objects.upcoming_for(member).filter(screening__starts_at__gt=timezone.now()):
        services.cancel_rsvp(member=member, screening=rsvp.screening)
    personal_data.rename_in_admin_log(
        Rsvp, Rsvp.objects.filter(member=member).values_list("pk", flat=True), "RSVP of a former member"
    )
    started = Rsvp.objects.filter(member=member, screening__starts_at__lte=timezone.now())
    started.update(member=None, guest_name="")
    theirs = Reflection.objects.filter(member=member)
    personal_data.rename_in_admin_log(Reflection, theirs.values_list("pk", flat=True), "Reflection of a former member")
    theirs.filter(status=ReflectionStatus.PUBLISHED).update(status=ReflectionStatus.REMOVED)
    theirs.update(member=None, noticed="")
    ReflectionReport.objects.filter(reporter=member).update(note="")
    member.door_duties.clear()
    Rsvp.objects.filter(checked_in_by=member).update(checked_in_by=None)
