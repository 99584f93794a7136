"""A member's own record, for "Download my data" and "Delete my account" (see core.personal_data)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType


def profile(member) -> dict:
    return {
        "username": member.username,
        "email": member.email,
        "display_name": member.display_name,
        "bio": member.bio,
        "avatar": member.avatar.url if member.avatar else None,
        "show_past_screenings": member.show_past_screenings,
        "date_joined": member.date_joined,
        "last_login": member.last_login,
    }


def logins(member) -> list[dict]:
    """The log-in lock's records of the member's log-ins: when, from which address and browser."""
    records = AccessLog.objects.filter(username=member.username).order_by("attempt_time")
    return [{"at": r.attempt_time, "address": r.ip_address, "browser": r.user_agent} for r in records]


def erase(member) -> None:
    """The records that name the member outside their own row: log-ins, and the admin's log of their account."""
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=member.username).delete()
    own_record = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(member), object_id=str(member.pk)
    )
    own_record.update(object_repr="Former member", change_message="")
