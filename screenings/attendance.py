"""Who may see who is going: one rule for every page.

Visitors see no one's attendance. Members see who is going to a screening, on its page. A member's
profile shows their own screenings to them alone, and their past screenings to others only if they
chose to show them.
"""

from django.db.models import QuerySet

from screenings.models import Rsvp


def going_to(screening, viewer) -> QuerySet:
    if not viewer.is_authenticated:
        return Rsvp.objects.none()
    return Rsvp.objects.filter(screening=screening).going().select_related("member")


def on_profile(member, viewer) -> QuerySet | None:
    """The RSVPs a profile shows this viewer, or None when it shows no screenings at all."""
    if viewer.is_authenticated and viewer.pk == member.pk:
        return Rsvp.objects.filter(member=member).active()
    if member.show_past_screenings:
        return Rsvp.objects.filter(member=member).going().past()
    return None
