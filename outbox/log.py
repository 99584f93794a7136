"""Error reports to ADMINS go the way of every email: a notice, sent by the worker, not by the failing request.

The report's text waits in a table of its own (outbox.models.ErrorReport), which backups leave out, and is
deleted once sent; what it shows is filtered (outbox.reports.ReportFilter). Logging is set up before the apps
are loaded, so this module imports the outbox only when a report comes.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.log import AdminEmailHandler

# Reports an hour at most, each subject once: whoever can make the site fail cannot flood the admins'
# mailboxes (or the queue). The rest are in the log all the same.
REPORTS_AN_HOUR = 20


class AdminNoticeHandler(AdminEmailHandler):
    def send_mail(self, subject: str, message: str, *args, **kwargs) -> None:
        from outbox.delivery import notify
        from outbox.models import ErrorReport

        if not settings.ADMINS or not _worth_a_report(subject):
            return  # with nobody to read it, a report is not kept
        try:
            with transaction.atomic():
                report = ErrorReport.objects.create(subject=subject[:300], message=message)
                notify("outbox.admins", report.pk)
        except Exception:  # the database may be why we are here: then straight to the relay, as Django does
            super().send_mail(subject, message, *args, **kwargs)


def _worth_a_report(subject: str) -> bool:
    hour = int(time.time() // 3600)
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    try:
        if not cache.add(f"club:admins:{hour}:{digest}", 1, 3600):
            return False
        cache.add(f"club:admins:{hour}", 0, 3600)
        return cache.incr(f"club:admins:{hour}") <= REPORTS_AN_HOUR
    except Exception:  # the cache may be why we are here: then report
        return True
