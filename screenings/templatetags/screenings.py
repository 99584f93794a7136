from django import template

from screenings.models import Rsvp

register = template.Library()


@register.inclusion_tag("screenings/_member_screenings.html")
def member_screenings(member, count: int = 10) -> dict:
    """The screenings a member is going to or went to, latest first."""
    rsvps = Rsvp.objects.going().filter(member=member).select_related("screening").order_by("-screening__starts_at")
    return {"rsvps": rsvps[:count]}
