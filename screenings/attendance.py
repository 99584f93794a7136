"""Who may see who is going, and who came: one rule for every page.

Visitors see no one's attendance, only counts. Members see who is going to a screening, on its page,
until it starts (walk-ins are never listed). Who came is seen by nobody but those who run the door:
organisers and curators (staff with the right to run the door, in a session that gave its second
factor) and the screening's door volunteers; and by each member, of themselves alone. A member who
writes a reflection shows, by writing it, that they were there. A profile shows the member's own
screenings to them alone, and their past seats to others only if they chose to show them.
"""

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from core.admin_site import passed_two_factor
from screenings.models import Rsvp, Screening, ScreeningStatus

VOLUNTEERS_EARLY = timedelta(hours=8)
VOLUNTEERS_LATE = timedelta(hours=4)


def going_to(screening: Screening, viewer) -> QuerySet:
    if not viewer.is_authenticated or screening.starts_at <= timezone.now() or screening.is_cancelled:
        return Rsvp.objects.none()
    return Rsvp.objects.filter(screening=screening, walk_in=False).going().select_related("member")


def on_profile(member, viewer) -> QuerySet | None:
    """The RSVPs a profile shows this viewer, or None when it shows no screenings at all."""
    if viewer.is_authenticated and viewer.pk == member.pk:
        return Rsvp.objects.filter(member=member).active()
    if member.show_past_screenings:
        return (
            Rsvp.objects.filter(member=member, walk_in=False)
            .going()
            .past()
            .filter(screening__status=ScreeningStatus.SCHEDULED)
        )
    return None


def seen_with_the_club(member) -> QuerySet:
    """The evenings a member was at, for their own eyes (My screenings, Download my data)."""
    return Rsvp.objects.filter(member=member).attended()


def runs_the_door_as_staff(request) -> bool:
    """Organisers and curators: staff with the right, in a session that gave its second factor (as the admin asks)."""
    user = request.user
    return (
        user.is_authenticated and user.is_staff and user.has_perm("screenings.run_door") and passed_two_factor(request)
    )


def may_run_the_door(request, screening: Screening, volunteers: set[int] | None = None) -> bool:
    """The screening's door page (who is going, who came, check-ins, walk-ins) is for staff who run doors
    at any time, and for the members named its door volunteers on the night (volunteers_window).
    `volunteers`, if given, are their ids, already read."""
    user = request.user
    if not user.is_authenticated:
        return False
    if runs_the_door_as_staff(request):
        return True
    if volunteers is None:
        volunteers = door_team(screening)
    opens, closes = volunteers_window(screening)
    return user.pk in volunteers and opens <= timezone.now() <= closes


def volunteers_window(screening: Screening) -> tuple[datetime, datetime]:
    """When the door page is open to the screening's volunteers: from VOLUNTEERS_EARLY before the start
    to VOLUNTEERS_LATE after the end. A volunteer's account is not staff's, and has no second factor to
    ask for: its view of who is going and who came is kept to the evening it was named for."""
    return screening.starts_at - VOLUNTEERS_EARLY, screening.ends_at + VOLUNTEERS_LATE


def door_team(screening: Screening) -> set[int]:
    return set(screening.door_volunteers.values_list("pk", flat=True))
