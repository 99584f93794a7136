"""A member's own record, for "Download my data" and "Delete my account" (see core.personal_data)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from members import addresses
from outbox.models import Notice


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
    """A notice keeps the address it went to; a member who leaves takes every address of theirs with them."""
    theirs = [member.email, *EmailAddress.objects.filter(user=member).values_list("email", flat=True)]
    Notice.objects.to(theirs).update(recipient="", subject="", last_error="")


def sessions(member) -> list[dict]:
    """Where the member is logged in: address, browser, when."""
    found = UserSession.objects.filter(user=member).order_by("created_at")
    return [
        {"address": s.ip, "browser": s.user_agent, "since": s.created_at, "last_seen": s.last_seen_at} for s in found
    ]


def erase(member) -> None:
    """What names the member outside their own row: addresses, sessions, second factors, the admin's log."""
    EmailAddress.objects.filter(user=member).delete()
    UserSession.objects.filter(user=member).delete()
    Authenticator.objects.filter(user=member).delete()
    account = ContentType.objects.get_for_model(member)
    LogEntry.objects.filter(content_type=account, object_id=str(member.pk)).update(object_repr="Former member")
