from django import template

from screenings import attendance

register = template.Library()


@register.inclusion_tag("screenings/_member_screenings.html")
def member_screenings(member, viewer, count: int = 10) -> dict:
    """A profile's screenings, as screenings.attendance allows this viewer to see them."""
    rsvps = attendance.on_profile(member, viewer)
    if rsvps is not None:
        rsvps = rsvps.select_related("screening").order_by("-screening__starts_at")[:count]
    own = viewer.is_authenticated and viewer.pk == member.pk
    return {"member": member, "rsvps": rsvps, "own": own, "shown": rsvps is not None}
