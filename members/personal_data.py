"""A member's own record, for "Download my data" and "Delete my account" (see core.personal_data)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.db.models import Q

from core import personal_data
from members import addresses, notices
from members.sessions import end_sessions, forget_sessions
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
    "Where the server has a file of places, the list shows the town of each address; the town is not stored."
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
    owned = EmailAddress.objects.filter(user=member)
    theirs = [member.email, *owned.values_list("email", flat=True)]
    about_them = Q(kind__in=notices.ABOUT_THE_MEMBER, key=str(member.pk)) | Q(
        kind=notices.CONFIRMATION, key__in=[str(pk) for pk in owned.values_list("pk", flat=True)]
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
    """What names the member outside their own row: addresses, sessions (ended on every device, and their rows
    deleted), second factors, the admin's log."""
    owned = EmailAddress.objects.filter(user=member)
    personal_data.rename_in_admin_log(EmailAddress, owned.values_list("pk", flat=True), "A former member's address")
    personal_data.rename_in_admin_log(type(member), [member.pk], "Former member")
    owned.delete()
    end_sessions(member)
    forget_sessions(member)
    Authenticator.objects.filter(user=member).delete()
