"""Links that bring a person back: the header's "Log in" and "Join" carry the page being read as `next`, and the
end of setting up two-factor leads on to where the person was going (members.destinations)."""

from allauth.mfa.utils import is_mfa_enabled
from django import template
from django.urls import reverse

from members import destinations, sessions

register = template.Library()


@register.simple_tag(takes_context=True)
def with_next(context, url: str) -> str:
    """`url` with `?next=` the page being read."""
    return destinations.with_next(url, destinations.here(context.get("request")))


@register.inclusion_tag("members/_going_on.html", takes_context=True)
def going_on(context) -> dict:
    """Once two-factor is on, a link to where the person was going when they were sent to set it up."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated or not is_mfa_enabled(request.user):
        return {}
    url = destinations.recall(request)
    to_the_admin = bool(url) and url.startswith(reverse("admin:index"))
    return {"url": url, "label": "Open the admin" if to_the_admin else "Back to where you were"}


@register.simple_tag
def session_name(session) -> str:
    """ "Firefox on Android, London": the browser (members.sessions.browser) and, when the server has a file of
    places, the town of its address (members.sessions.place)."""
    return ", ".join(part for part in (sessions.browser(session.user_agent), sessions.place(session.ip)) if part)
