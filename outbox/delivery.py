"""Delivering notices: owed in the transaction of the change that caused them, sent by one task with retries.

Services call `notify()` or `announce()` inside their transaction: the notice and its task are rows
written with the change, so a crash between commit and send loses nothing. An announcement is a
notice too, which the worker expands into one notice per person in its audience. What a notice says
is its kind's (outbox.kinds), composed from the database when its turn comes.
"""

import logging
import smtplib
import traceback
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from core import mail
from outbox import kinds
from outbox.models import Notice, NoticeStatus

log = logging.getLogger(__name__)

# Errors of the mail relay or the network, worth another try later (but a 5xx answer is final).
RETRYABLE = (smtplib.SMTPException, OSError)
# The relay refusing the club itself, not a message: its login (535) or the sender (550 to MAIL FROM). Every
# notice would fail alike until someone fixes EMAIL_URL, so they wait, with no give-up, and the admins are told
# (the log, and /healthz: outbox.health). A last error that starts so marks such a notice.
RELAY_REFUSED = "The mail relay refused the club: "
# Passing faults of the database (SQLite's "database is locked", a dropped connection): tried again later.
DATABASE_FAULTS = (OperationalError, InterfaceError)
# A notice its worker has held this long, or whose task should have run this long ago, was lost with it.
STALE = timedelta(minutes=10)
# How long a notice waits while another of the same kind and ids is being sent.
QUEUE_BEHIND = timedelta(seconds=30)


@transaction.atomic
def notify(
    kind: str, *ids: int, delay: timedelta | None = None, collapse: bool = False, data: dict | None = None
) -> Notice | None:
    """Owe one notice about `ids`. With `collapse`, a notice of the same kind and ids still waiting for its
    first try stands for this one (it will say what is true when it goes)."""
    kinds.registered(kind)
    key = kinds.key_of(ids)
    if collapse and Notice.objects.pending().of(kind, key).filter(attempts=0).exists():
        return None
    now = timezone.now()
    run_at = now + delay if delay else now
    notice = Notice.objects.create(
        kind=kind,
        key=key,
        data=data or {},
        created=now,
        next_try_at=run_at,
        give_up_at=now + settings.CLUB_NOTICE_GIVE_UP,
    )
    deliver.using(run_after=run_at if delay else None).enqueue(notice.pk, 0)
    return notice


def announce(kind: str, *ids: int, delay: timedelta | None = None) -> Notice | None:
    """Owe a notice of `kind` to everyone in its audience of `ids`, found by the worker, not the request."""
    if kinds.registered(kind).audience is None:
        raise LookupError(f"Notice kind {kind!r} has no audience.")
    return notify(kinds.ANNOUNCE + kind, *ids, delay=delay)


def backoff(attempt: int) -> timedelta:
    """How long to wait before try number `attempt + 1`: 30 s, 1, 2, 4, 8, 16 minutes, then every 30."""
    return min(timedelta(seconds=30) * 2 ** min(attempt - 1, 6), timedelta(minutes=30))


@task()
def deliver(notice_id: int, attempt: int) -> str:
    """Send one notice, composed from the database as it is now, or expand an announcement.

    A notice is taken (`sending`) under its attempt number before anything is read, so a duplicate task
    or a retry that follows a success does nothing. Mail errors are tried again with backoff until the
    give-up time; anything else marks the notice failed, for curators to see and send again.
    """
    notice = Notice.objects.pending().filter(pk=notice_id, attempts=attempt).first()
    if notice is None:
        return "not pending"
    same = Notice.objects.of(notice.kind, notice.key).exclude(pk=notice.pk)
    if kinds.kind_of(notice).latest_only and same.pending().filter(pk__gt=notice.pk).exists():
        _finish(notice, attempt, NoticeStatus.PENDING, status=NoticeStatus.SKIPPED, summary="superseded")
        return "superseded"
    if same.filter(status=NoticeStatus.SENDING).exists():
        _schedule(notice, attempt, after=QUEUE_BEHIND)  # so it knows what the one before it said
        return "waiting"
    now = timezone.now()
    taken = Notice.objects.pending().filter(pk=notice.pk, attempts=attempt)
    if not taken.update(status=NoticeStatus.SENDING, claimed_at=now):
        return "taken"
    try:
        return _send(notice, attempt)
    except DATABASE_FAULTS as error:
        if connection.connection is not None and not connection.is_usable():
            connection.close()  # the fault broke it: the retry's writes open another
        _retry(notice, attempt, f"{type(error).__name__}: {error}")
        return "retry"
    except Exception:
        _finish(notice, attempt, status=NoticeStatus.FAILED, last_error=traceback.format_exc())
        raise


def _send(notice: Notice, attempt: int) -> str:
    if notice.kind.startswith(kinds.ANNOUNCE):
        with transaction.atomic():
            count = _expand(notice)
            _finish(notice, attempt, status=NoticeStatus.SENT, summary=f"{count} notices", sent_at=timezone.now())
        return "announced"
    composed = kinds.compose(notice)
    if composed is None or composed.message is None:
        _finish(notice, attempt, status=NoticeStatus.SKIPPED, summary=composed.summary if composed else "")
        _forget(notice)
        return "skipped"
    message = composed.message
    sent_to = {"recipient": message.to[0], "subject": message.subject}
    try:
        mail.send([message])
    except RETRYABLE as error:
        reason = f"{type(error).__name__}: {error}"
        if isinstance(error, smtplib.SMTPAuthenticationError | smtplib.SMTPSenderRefused):
            log.error("%s%s; notices wait until it takes them: check EMAIL_URL", RELAY_REFUSED, reason)
            _retry(notice, attempt, RELAY_REFUSED + reason, give_up=False, **sent_to)
            return "relay refused"
        if _permanent(error):
            _finish(notice, attempt, status=NoticeStatus.FAILED, last_error=reason, **sent_to)
            return "refused"
        _retry(notice, attempt, reason, **sent_to)
        return "retry"
    _finish(notice, attempt, status=NoticeStatus.SENT, summary=composed.summary, sent_at=timezone.now(), **sent_to)
    _forget(notice)
    return "sent"


def _forget(notice: Notice) -> None:
    """A kind that keeps nothing once done (error reports): what the notice was about goes, and the notice."""
    forget = kinds.kind_of(notice).forget
    if forget is not None:
        with transaction.atomic():
            forget(*kinds.ids_of(notice))
            Notice.objects.filter(pk=notice.pk).delete()


def _expand(announcement: Notice) -> int:
    """Owe the announced kind to each person in the audience; call in the transaction that closes the announcement."""
    kind = announcement.kind.removeprefix(kinds.ANNOUNCE)
    count = 0
    for ids in kinds.audience_of(announcement):
        notify(kind, *ids)
        count += 1
    return count


def _permanent(error: Exception) -> bool:
    """The relay said no for good to this message (5xx): the address does not exist, the message is refused."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600


def _finish(notice: Notice, attempt: int, holding: str = NoticeStatus.SENDING, **fields) -> None:
    Notice.objects.filter(pk=notice.pk, status=holding, attempts=attempt).update(attempts=attempt + 1, **fields)


def _schedule(notice: Notice, attempt: int, *, after: timedelta) -> None:
    """Run the notice's task (again) later: the one place a notice is put back on the queue."""
    run_at = timezone.now() + after
    with transaction.atomic():
        Notice.objects.filter(pk=notice.pk).update(next_try_at=run_at)
        deliver.using(run_after=run_at).enqueue(notice.pk, attempt)


def _retry(notice: Notice, attempt: int, error: str, *, give_up: bool = True, **fields) -> None:
    """After a passing error: again after a backoff, or never once the notice's give-up time has passed."""
    if give_up and timezone.now() >= notice.give_up_at:
        log.warning("notice %s (%s %s) failed for good: %s", notice.pk, notice.kind, notice.key, error)
        _finish(notice, attempt, status=NoticeStatus.FAILED, last_error=error, **fields)
        return
    with transaction.atomic():
        _finish(notice, attempt, status=NoticeStatus.PENDING, last_error=error, **fields)
        _schedule(notice, attempt + 1, after=backoff(attempt + 1))


def resend(notice: Notice) -> bool:
    """Give a failed notice another day of tries (the admin's action)."""
    give_up_at = timezone.now() + settings.CLUB_NOTICE_GIVE_UP
    with transaction.atomic():
        if not Notice.objects.filter(pk=notice.pk, status=NoticeStatus.FAILED).update(
            status=NoticeStatus.PENDING, give_up_at=give_up_at, last_error=""
        ):
            return False
        _schedule(notice, notice.attempts, after=timedelta(0))
    return True


def requeue_stuck(now=None) -> int:
    """Put back on the queue the notices whose task was lost: a worker killed while sending, or a task
    that should have run long ago. A notice whose task still waits in the queue (no worker is running) is
    left alone, so repeated runs add nothing; a duplicate task would be harmless, only one can take it."""
    stale = (now or timezone.now()) - STALE
    abandoned = Notice.objects.filter(status=NoticeStatus.SENDING, claimed_at__lt=stale)
    abandoned.update(status=NoticeStatus.PENDING, next_try_at=stale)
    waiting = _waiting_tasks()
    overdue = [n for n in Notice.objects.pending().filter(next_try_at__lte=stale) if (n.pk, n.attempts) not in waiting]
    for notice in overdue:
        _schedule(notice, notice.attempts, after=timedelta(0))
    return len(overdue)


def _waiting_tasks() -> set[tuple[int, int]]:
    """(notice, attempt) of each delivery task still waiting in the queue for a worker."""
    tasks = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=deliver.module_path)
    return {tuple(task["args"][:2]) for task in tasks.values_list("args_kwargs", flat=True)}
