from django import template

from screenings.models import Rsvp

register = template.Library()


@register.inclusion_tag("screenings/_member_screenings.html")
def member_screenings(member, viewer, count: int = 10) -> dict:
    """A profile's screenings. Attendance is nobody else's business: members see their own RSVPs,
    others see a member's past screenings only if the member chose to show them."""
    rsvps = Rsvp.objects.none()
    own = viewer.is_authenticated and viewer.pk == member.pk
    if own:
        rsvps = Rsvp.objects.filter(member=member).active()
    elif member.show_past_screenings:
        rsvps = Rsvp.objects.filter(member=member).going().past()
    rsvps = rsvps.select_related("screening").order_by("-screening__starts_at")[:count]
    return {"member": member, "rsvps": rsvps, "own": own, "shown": own or member.show_past_screenings}
