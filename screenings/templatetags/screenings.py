from django import template

from screenings import attendance, tickets

register = template.Library()


@register.inclusion_tag("screenings/_member_screenings.html")
def member_screenings(member, viewer, count: int = 10) -> dict:
    """A profile's screenings, as screenings.attendance allows this viewer to see them."""
    rsvps = attendance.on_profile(member, viewer)
    if rsvps is not None:
        rsvps = rsvps.select_related("screening").order_by("-screening__starts_at")[:count]
    own = viewer.is_authenticated and viewer.pk == member.pk
    return {"member": member, "rsvps": rsvps, "own": own, "shown": rsvps is not None}


@register.filter
def spaced(code: str) -> str:
    """A ticket code in two halves, easier to read out: ABC 234."""
    return tickets.spaced(code)


@register.filter
def rating(value) -> str:
    """An average of ratings from 1 to 5, to one decimal place (4.0 as 4)."""
    if value is None:
        return ""
    return f"{value:.1f}".removesuffix(".0")
