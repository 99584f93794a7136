"""Error reports to ADMINS go the way of every email: a notice, sent by the worker, not by the failing request.

Logging is set up before the apps are loaded, so this module imports the notices only when a report comes.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.log import AdminEmailHandler


class AdminNoticeHandler(AdminEmailHandler):
    def send_mail(self, subject: str, message: str, *args, **kwargs) -> None:
        from core import notices

        try:
            notices.notify("core.admins", data={"subject": subject, "message": message})
        except Exception:  # the database may be why we are here: then straight to the relay, as Django does
            super().send_mail(subject, message, *args, **kwargs)


def to_admins(*, last: str | None, data: dict):
    from core import notices

    if not settings.ADMINS:
        return None
    message = EmailMessage(
        subject=settings.EMAIL_SUBJECT_PREFIX + data["subject"],
        body=data["message"],
        from_email=settings.SERVER_EMAIL,
        to=[address for _, address in settings.ADMINS],
    )
    return notices.Composed("sent", message)
