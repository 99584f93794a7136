"""A member's sessions: what their list shows of each ("Where I'm logged in"), and ending them: every one at
once, on every server, whatever a cache still holds of them."""

from datetime import timedelta
from functools import lru_cache
from importlib import import_module

import maxminddb
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.db.models import F
from django.utils import timezone
from ua_parser import parse

from members.models import User

# How ua-parser names a few browsers and systems, and how a person does.
PLAIN_NAMES = {"Mobile Safari": "Safari", "Mac OS X": "macOS", "Chrome Mobile iOS": "Chrome", "Firefox iOS": "Firefox"}


def end_sessions(member, *, request=None) -> None:
    """End every session of `member` but `request`'s. The account's session epoch goes up, so its session hash
    changes and every other session fails Django's check on its next request (as after a new password); the
    request's own session takes the new hash. The list the member sees ("Where I'm logged in") loses them."""
    User.objects.filter(pk=member.pk).update(session_epoch=F("session_epoch") + 1)
    member.refresh_from_db(fields=["session_epoch"])
    others = UserSession.objects.filter(user=member)
    if request is not None and request.user.pk == member.pk:
        request.session[HASH_SESSION_KEY] = member.get_session_auth_hash()
        request.session.save()  # allauth may send its signal once the response has gone, with the session saved
        others = others.exclude(session_key=request.session.session_key)
    others.delete()


def end_the_others(sender, request, user, **kwargs) -> None:
    """Turning two-factor on or off, or making new recovery codes, ends the account's other sessions: one that
    logged in with a stolen password must not outlive the owner's new second factor."""
    end_sessions(user, request=request)


def forget_sessions(member) -> None:
    """Delete the rows of every session of `member`, as one who leaves takes even those (ended already by
    end_sessions). Each live session is read to find them: sessions begun before allauth kept its list are
    not in it, and a club has few. Their copies in the cache fail Django's check, and expire."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    live = store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    theirs = [
        key
        for key, data in live.values_list("session_key", "session_data").iterator()
        if store().decode(data).get(SESSION_KEY) == str(member.pk)
    ]
    store.get_model_class().objects.filter(session_key__in=theirs).delete()
    UserSession.objects.filter(user=member).delete()


@lru_cache(maxsize=256)
def browser(user_agent: str) -> str:
    """ "Firefox on Android", from the browser's user-agent string: what can be known from it, and nothing more."""
    found = parse(user_agent or "")
    name = _plain(found.user_agent.family) if found.user_agent else ""
    system = _plain(found.os.family) if found.os and found.os.family != "Other" else ""
    if not name or name == "Other":
        return f"A browser on {system}" if system else "An unknown browser"
    return f"{name} on {system}" if system else name


def place(ip: str) -> str:
    """The town (or else the country) of an internet address, from the GeoLite2 City file GEOIP_CITY_DB names;
    "" without one, or for an address it does not know. Worked out when the list is shown, never stored."""
    reader = _places()
    if reader is None or not ip:
        return ""
    try:
        found = reader.get(ip) or {}
    except ValueError:  # not an address
        return ""
    for key in ("city", "country"):
        if name := (found.get(key) or {}).get("names", {}).get("en"):
            return name
    return ""


@lru_cache(maxsize=1)
def _places():
    path = settings.GEOIP_CITY_DB
    return maxminddb.open_database(path) if path else None


def _plain(family: str) -> str:
    family = PLAIN_NAMES.get(family, family)
    return family.removesuffix(" Mobile").removesuffix(" Mobile WebView")


def forget_ended() -> int:
    """Delete the records of sessions that have ended (logged out, expired, ended elsewhere) or began more than
    SESSION_COOKIE_AGE ago, as the privacy page promises; returns how many. Run daily; safe to repeat."""
    began_before = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    old, _ = UserSession.objects.filter(created_at__lt=began_before).delete()
    ended = sum(record.purge() for record in UserSession.objects.iterator())
    return old + ended
