"""Where a person was going when the site sent them elsewhere (to log in, join, confirm their address, set up
two-factor), so that they come back to it; and what a member pressed before their address was confirmed, to
offer it again once it is.

Every address taken from a request (`next`, the Referer) or kept in the session is a page of this site, or
nothing: no other host, no `//host` or `/\\host`, no `javascript:`.
"""

import time
from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"
GOING_TO = "members_going_to"  # the session's key: the page to come back to
HELD = "members_held"  # the session's key: a form sent before the member's address was confirmed
# Pages whose own `next` is where their links lead on: the account pages, the two-factor and sessions pages.
ACCOUNT_PAGES = ("account_", "mfa_", "usersessions_")
# A form held for later is small (an RSVP, a comment, a report); a larger one is not kept in the session.
HELD_MAX_FIELDS = 20
HELD_MAX_CHARACTERS = 20_000
# A form is held for a day at most, and never with a secret in it (a password, a code, a token).
HELD_FOR_SECONDS = 24 * 60 * 60
SECRET_FIELDS = ("password", "code", "token", "secret", "key")


def safe(request: HttpRequest, url) -> str | None:
    """`url` as a path on this site (with its query), or None when it leads anywhere else."""
    if not isinstance(url, str) or not url or len(url) > 2000 or "\\" in url or any(ord(c) < 32 for c in url):
        return None  # browsers read a backslash as a slash: `/\\host` is another site
    if not _on_this_site(request, url):
        return None
    parts = urlsplit(url)
    path = parts.path if parts.path.startswith("/") and not parts.path.startswith("//") else None
    if path is None:
        return None
    local = f"{path}?{parts.query}" if parts.query else path
    return local if _on_this_site(request, local) else None


def _on_this_site(request: HttpRequest, url: str) -> bool:
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def next_of(request: HttpRequest) -> str | None:
    """The request's own `next`, when it is a page of this site."""
    return safe(request, request.POST.get(NEXT) or request.GET.get(NEXT))


def here(request: HttpRequest | None) -> str | None:
    """Where the header's "Log in" and "Join" should bring the person back to: the page they are reading, or on
    an account page (log-in, join...), where that page itself will return to."""
    if request is None:
        return None
    match = request.resolver_match
    if match and match.url_name and match.url_name.startswith(ACCOUNT_PAGES):
        return next_of(request)
    return safe(request, request.path + (f"?{request.GET.urlencode()}" if request.GET else ""))


def with_next(url: str, going_to: str | None) -> str:
    return f"{url}?{urlencode({NEXT: going_to})}" if going_to else url


def remember(request: HttpRequest, url) -> None:
    """Keep `url` as where the person is going (after confirming their address, or setting up two-factor)."""
    if going_to := safe(request, url):
        request.session[GOING_TO] = going_to


def recall(request: HttpRequest) -> str | None:
    return safe(request, request.session.get(GOING_TO))


def forget(request: HttpRequest) -> str | None:
    """Where the person was going, no longer kept."""
    return safe(request, request.session.pop(GOING_TO, None))


def hold(request: HttpRequest, *, offer: str = "") -> None:
    """Keep the form the member sent (its address, its fields, the page it was on and the words of its button)
    to offer it again once their address is confirmed; the page is also where they are going."""
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken" and not any(word in name.lower() for word in SECRET_FIELDS)
        for value in values
    ]
    if len(fields) > HELD_MAX_FIELDS or sum(len(name) + len(value) for name, value in fields) > HELD_MAX_CHARACTERS:
        return
    page = safe(request, request.headers.get("Referer"))
    request.session[HELD] = {"action": request.path, "fields": fields, "page": page, "offer": offer, "at": time.time()}
    remember(request, page)


def take_held(request: HttpRequest) -> dict | None:
    """The form held for the member, no longer kept (it is offered once), or None."""
    held = request.session.pop(HELD, None)
    if not isinstance(held, dict) or safe(request, held.get("action")) != held.get("action"):
        return None
    if not isinstance(held.get("at"), float | int) or time.time() - held["at"] > HELD_FOR_SECONDS:
        return None  # stale: the member has long since moved on
    return {**held, "page": safe(request, held.get("page"))}
