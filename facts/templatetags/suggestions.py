"""A member's own suggested corrections, on their profile: {% member_suggestions member viewer %}."""

from django import template

from facts.models import Suggestion

register = template.Library()


@register.inclusion_tag("facts/_member_suggestions.html")
def member_suggestions(member, viewer) -> dict:
    """Only the member sees theirs (and what became of them); others see nothing, and no query is run."""
    if viewer != member:
        return {"shown": False}
    suggestions = Suggestion.objects.filter(member=member).select_related("fact").order_by("-created")[:20]
    return {"shown": True, "suggestions": suggestions}
