"""Time zones as people say them: "London time", not "Europe/London time"."""

from django import template

register = template.Library()


@register.filter
def place_name(zone) -> str:
    """The place a time zone is named after: "Europe/London" is "London", "America/Argentina/Buenos_Aires"
    "Buenos Aires"; a zone named after no place ("UTC") keeps its name."""
    return str(zone).rsplit("/", 1)[-1].replace("_", " ")
