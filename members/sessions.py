"""A member's sessions: what their list shows of each ("Where I'm logged in"), and ending them in the session store
itself, not only in that list."""

from functools import lru_cache
from importlib import import_module

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone
from ua_parser import parse

# How ua-parser names a few browsers and systems, and how a person does.
PLAIN_NAMES = {"Mobile Safari": "Safari", "Mac OS X": "macOS", "Chrome Mobile iOS": "Chrome", "Firefox iOS": "Firefox"}


def end_sessions(member, *, keep: str | None = None) -> int:
    """Delete every session of `member` from the store (database and cache), but the one keyed `keep`."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = set(UserSession.objects.filter(user=member).values_list("session_key", flat=True))
    keys |= set(_untracked(store, member))
    keys.discard(keep)
    for key in keys:
        store().delete(key)
    UserSession.objects.filter(user=member, session_key__in=keys).delete()
    return len(keys)


def _untracked(store, member):
    """Sessions allauth's list does not hold (begun before it was kept, or without its log-in), found by reading
    each live one: a club has few."""
    live = store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for key, data in live.values_list("session_key", "session_data").iterator():
        if store().decode(data).get(SESSION_KEY) == str(member.pk):
            yield key


def end_the_others(sender, request, user, **kwargs) -> None:
    """Turning two-factor on or off, or making new recovery codes, ends the account's other sessions: one that
    logged in with a stolen password must not outlive the owner's new second factor."""
    end_sessions(user, keep=request.session.session_key)


@lru_cache(maxsize=256)
def browser(user_agent: str) -> str:
    """ "Firefox on Android", from the browser's user-agent string: what can be known from it, and nothing more
    (where a session is, the club cannot tell)."""
    found = parse(user_agent or "")
    name = _plain(found.user_agent.family) if found.user_agent else ""
    system = _plain(found.os.family) if found.os and found.os.family != "Other" else ""
    if not name or name == "Other":
        return f"A browser on {system}" if system else "An unknown browser"
    return f"{name} on {system}" if system else name


def _plain(family: str) -> str:
    family = PLAIN_NAMES.get(family, family)
    return family.removesuffix(" Mobile").removesuffix(" Mobile WebView")
