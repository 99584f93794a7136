"""The error report a failing request leaves for the admins (outbox.log), composed when it goes."""

from django.conf import settings
from django.core.mail import EmailMessage

from outbox.kinds import Composed


def to_admins(*, last: str | None, data: dict) -> Composed | None:
    if not settings.ADMINS:
        return None
    message = EmailMessage(
        subject=settings.EMAIL_SUBJECT_PREFIX + data["subject"],
        body=data["message"],
        from_email=settings.SERVER_EMAIL,
        to=[address for _, address in settings.ADMINS],
    )
    return Composed("sent", message)
