"""A member's own record, for "Download my data" and "Delete my account" (see core.personal_data)."""

import re

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from members import addresses, notices
from members.sessions import end_sessions
from outbox.models import Notice

# What each section holds and for how long, for the privacy page (core.personal_data).
PROFILE = (
    "Your account: username, email address, password (scrambled, so nobody can read it), display name, bio and "
    "picture, whether others may see your past screenings, whether two-factor authentication is on, and when you "
    "joined and last logged in."
)
PROFILE_KEPT = (
    "While your account is open. Deleting it blanks all of it and locks the account; an account whose address "
    "nobody confirmed within 7 days of joining is removed."
)
EMAILS = (
    "The club's emails to you: the address, the subject and when each went, and for an email about your account "
    "what it told you (such as the address and browser of a password change)."
)
EMAILS_KEPT = "Until you delete your account, which blanks them."
SESSIONS = (
    "Where you are logged in: for each session, the internet address and the browser it began from, and when. "
    "The club has no database of places, so it never works out where you are."
)
SESSIONS_KEPT = (
    "Until the session ends: when you log out, end it on “Where I'm logged in”, or delete your account, and "
    f"{settings.SESSION_COOKIE_AGE // 86400} days after it began at most."
)


def profile(member) -> dict:
    return {
        "username": member.username,
        "email": member.email,
        "email_confirmed": addresses.has_confirmed_email(member),
        "display_name": member.display_name,
        "bio": member.bio,
        "avatar": member.avatar.url if member.avatar else None,
        "show_past_screenings": member.show_past_screenings,
        "two_factor": sorted(Authenticator.objects.filter(user=member).values_list("type", flat=True)),
        "date_joined": member.date_joined,
        "last_login": member.last_login,
    }


def emails(member) -> list[dict]:
    """The club's emails to the member: to the addresses they confirmed only, since mail to an address
    someone merely typed in may have been another person's."""
    sent = Notice.objects.to(addresses.confirmed(member).values_list("email", flat=True)).order_by("created")
    return [{"subject": n.subject, "status": n.status, "created": n.created, "sent": n.sent_at} for n in sent]


def forget_emails(member) -> None:
    """A notice keeps the address it went to, and an account notice what its email told (the address and browser
    of a log-in, a password change): a member who leaves takes all of it with them."""
    addresses = EmailAddress.objects.filter(user=member)
    theirs = [member.email, *addresses.values_list("email", flat=True)]
    about_them = Q(kind__in=notices.ABOUT_THE_MEMBER, key=str(member.pk)) | Q(
        kind=notices.CONFIRMATION, key__in=[str(pk) for pk in addresses.values_list("pk", flat=True)]
    )
    sent_to_them = Q(pk__in=Notice.objects.to(theirs).values("pk"))
    Notice.objects.filter(sent_to_them | about_them).update(recipient="", subject="", last_error="", data={})


def sessions(member) -> list[dict]:
    """Where the member is logged in: address, browser, when."""
    found = UserSession.objects.filter(user=member).order_by("created_at")
    return [
        {"address": s.ip, "browser": s.user_agent, "since": s.created_at, "last_seen": s.last_seen_at} for s in found
    ]


def erase(member) -> None:
    """What names the member outside their own row: addresses, sessions (ended on every device), second factors,
    the admin's log."""
    EmailAddress.objects.filter(user=member).delete()
    end_sessions(member)
    UserSession.objects.filter(user=member).delete()
    Authenticator.objects.filter(user=member).delete()
    account = ContentType.objects.get_for_model(member)
    LogEntry.objects.filter(content_type=account, object_id=str(member.pk)).update(object_repr="Former member")


def forget_in_admin_log(member, names: list[str]) -> None:
    """The admin's log keeps each object's name as it was ("Suggestion on … by Veronika B."). Call once the
    member's row is anonymised: the entries of kinds of row that point at a member, and that hold one of the
    member's `names`, take the name their row has now (a former member's), or if it is gone, lose the names."""
    names = [name for name in names if name]
    kinds = [relation.related_model for relation in member._meta.related_objects]
    if not names or not kinds:
        return
    holds_a_name = Q()
    for name in names:
        holds_a_name |= Q(object_repr__icontains=name)
    types = ContentType.objects.get_for_models(*kinds).values()
    for entry in LogEntry.objects.filter(holds_a_name, content_type__in=types).select_related("content_type"):
        model = entry.content_type.model_class()
        row = model._default_manager.filter(pk=entry.object_id).first()
        renamed = str(row)[:200] if row is not None else _without(entry.object_repr, names)
        if renamed != entry.object_repr:
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=renamed)


def _without(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), "a former member", text, flags=re.IGNORECASE)
    return text
