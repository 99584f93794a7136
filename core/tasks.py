"""The task queue's work (django-tasks; django.tasks from Django 6.0): delivering notices, with retries."""

import logging
import smtplib
import traceback

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core import mail, notices
from core.models import Notice, NoticeStatus

log = logging.getLogger(__name__)

# Errors of the mail relay or the network, worth another try later; anything else is a bug to look at.
RETRYABLE = (smtplib.SMTPException, OSError)


@task()
def deliver(notice_id: int, attempt: int) -> str:
    """Send one notice, composed from the database as it is now. Retries on mail errors with backoff,
    until the notice's give-up time; a notice already sent, or taken by another try, is left alone."""
    notice = Notice.objects.pending().filter(pk=notice_id, attempts=attempt).first()
    if notice is None:
        return "not pending"
    try:
        composed = notices.compose(notice)
    except Exception:
        _close(notice, attempt, status=NoticeStatus.FAILED, last_error=traceback.format_exc())
        raise
    if composed is None or composed.message is None:
        _close(notice, attempt, status=NoticeStatus.SKIPPED, summary=composed.summary if composed else "")
        return "skipped"
    message = composed.message
    try:
        mail.send([message])
    except RETRYABLE as error:
        _retry(notice, attempt, f"{type(error).__name__}: {error}", recipient=message.to[0], subject=message.subject)
        return "retry"
    _close(
        notice,
        attempt,
        status=NoticeStatus.SENT,
        summary=composed.summary,
        recipient=message.to[0],
        subject=message.subject,
        sent_at=timezone.now(),
    )
    return "sent"


def _close(notice: Notice, attempt: int, **fields) -> None:
    Notice.objects.pending().filter(pk=notice.pk, attempts=attempt).update(attempts=attempt + 1, **fields)


@transaction.atomic
def _retry(notice: Notice, attempt: int, error: str, **fields) -> None:
    """The one place a notice is tried again: after a backoff, or never once its give-up time has passed."""
    now = timezone.now()
    if now >= notice.give_up_at:
        log.warning("notice %s (%s %s) failed for good: %s", notice.pk, notice.kind, notice.key, error)
        _close(notice, attempt, status=NoticeStatus.FAILED, last_error=error, **fields)
        return
    _close(notice, attempt, last_error=error, **fields)
    deliver.using(run_after=now + notices.backoff(attempt + 1)).enqueue(notice.pk, attempt + 1)


@task()
def fan_out(kind: str, ids: list[int]) -> int:
    """Owe one notice to each member of a kind's audience (a cancelled screening's RSVPs, a thread's followers)."""
    count = 0
    with transaction.atomic():
        for member_ids in notices.audience(kind, ids):
            notices.notify(kind, *member_ids)
            count += 1
    return count


def resend(notice: Notice) -> None:
    """Give a failed notice another day of tries (the admin's action)."""
    now = timezone.now()
    with transaction.atomic():
        updated = Notice.objects.filter(pk=notice.pk, status=NoticeStatus.FAILED).update(
            status=NoticeStatus.PENDING, give_up_at=now + settings.CLUB_NOTICE_GIVE_UP, last_error=""
        )
        if updated:
            deliver.enqueue(notice.pk, notice.attempts)
