"""The error report a failing request leaves for the admins (outbox.log), composed when it goes, and what a
report may show (ReportFilter, Django's DEFAULT_EXCEPTION_REPORTER_FILTER)."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter

from outbox.kinds import Composed
from outbox.models import ErrorReport, Notice

# A report that never went (no relay for a day) is deleted after this all the same.
KEPT_AT_MOST = timedelta(days=30)
KIND = "outbox.admins"


def to_admins(report_id: int, *, last: str | None, data: dict) -> Composed | None:
    report = ErrorReport.objects.filter(pk=report_id).first()
    if report is None or not settings.ADMINS:
        return None
    message = EmailMessage(
        subject=settings.EMAIL_SUBJECT_PREFIX + report.subject,
        body=report.message,
        from_email=settings.SERVER_EMAIL,
        to=[address for _, address in settings.ADMINS],
    )
    return Composed("sent", message)


def forget(report_id: int) -> None:
    """Once its notice has gone (or is not needed), the report goes too."""
    ErrorReport.objects.filter(pk=report_id).delete()


def forget_old(now=None) -> int:
    """Delete the reports, and their notices, kept longer than KEPT_AT_MOST (their notice failed for good)."""
    old = ErrorReport.objects.filter(created__lt=(now or timezone.now()) - KEPT_AT_MOST)
    ids = [str(pk) for pk in old.values_list("pk", flat=True)]
    Notice.objects.filter(kind=KIND, key__in=ids).delete()
    return old.delete()[0]


# A URL that carries a password (smtp://user:secret@host, redis://:secret@host): the password is hidden.
URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*):[^@/\s]+@", re.IGNORECASE)


class ReportFilter(SafeExceptionReporterFilter):
    """What an error report may show: no setting (or local variable) that holds a credential, no password in
    any URL, and no value of any POST field or cookie, whatever the view marked sensitive."""

    hidden_settings = re.compile("API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DSN|CREDENTIAL", re.IGNORECASE)

    def cleanse_setting(self, key, value):
        cleansed = super().cleanse_setting(key, value)
        if isinstance(cleansed, str):
            return URL_PASSWORD.sub(rf"\1:{self.cleansed_substitute}@", cleansed)
        return cleansed

    def get_safe_cookies(self, request):
        return {name: self.cleansed_substitute for name in getattr(request, "COOKIES", {})}

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return self._hidden(request.POST)

    def get_cleansed_multivaluedict(self, request, multivaluedict):
        return self._hidden(multivaluedict)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [
            (name, self.cleanse_setting(name, value))
            for name, value in super().get_traceback_frame_variables(request, tb_frame)
        ]

    def _hidden(self, multivaluedict):
        hidden = multivaluedict.copy()
        for name in hidden:
            hidden.setlist(name, [self.cleansed_substitute] * len(hidden.getlist(name)))
        return hidden
