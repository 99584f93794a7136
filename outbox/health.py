"""The task queue as /healthz sees it: how long the oldest ready task has waited, and how many notices
are overdue (their task lost, or a worker that died while sending)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Case, F, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from outbox import recovery
from outbox.delivery import RELAY_REFUSED
from outbox.models import Notice, NoticeStatus


def oldest_wait() -> timedelta:
    """Since when the longest-waiting ready task could have run: it was enqueued, or its run_after came."""
    ready_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=Greatest("enqueued_at", "run_after")
    )
    since = DBTaskResult.objects.ready().annotate(since=ready_since).order_by("since").values_list("since", flat=True)
    oldest = since.first()
    return max(timezone.now() - oldest, timedelta(0)) if oldest else timedelta(0)


def overdue_notices(max_wait: timedelta) -> int:
    late = timezone.now() - max_wait
    pending = Notice.objects.pending().filter(next_try_at__lt=late)
    return pending.count() + Notice.objects.filter(status=NoticeStatus.SENDING, claimed_at__lt=late).count()


def describe(wait: timedelta, overdue: int, lost: int = 0) -> str:
    waiting = f"oldest task waiting {int(wait.total_seconds())} s" if wait else "nothing waiting"
    parts = [waiting]
    if overdue:
        parts.append(f"{overdue} notice(s) overdue")
    if lost:
        parts.append(f"{lost} task(s) lost their worker")
    return "; ".join(parts)


def check() -> tuple[bool, str]:
    """Unwell when a task has been ready for longer than CLUB_QUEUE_MAX_WAIT (no worker is running, or too
    few to keep up) or a notice is that late (its task was lost). A task whose worker died and nobody has taken
    again (`recover_tasks`) is a line, not a failure: every server would go unwell for one task that this
    server could still serve pages without."""
    waiting, overdue = oldest_wait(), overdue_notices(settings.CLUB_QUEUE_MAX_WAIT)
    lost = recovery.lost_tasks().count()
    return waiting <= settings.CLUB_QUEUE_MAX_WAIT and not overdue, describe(waiting, overdue, lost)


def relay() -> tuple[bool, str]:
    """Unwell while the mail relay refuses the club's login or sender (a rotated password) and nothing has been
    sent since: every notice waits until someone fixes EMAIL_URL."""
    refused = Notice.objects.pending().filter(last_error__startswith=RELAY_REFUSED).order_by("-claimed_at").first()
    if refused is None or Notice.objects.filter(status=NoticeStatus.SENT, sent_at__gt=refused.claimed_at).exists():
        return True, ""
    waiting = Notice.objects.pending().count()
    return False, f"{refused.last_error.removeprefix(RELAY_REFUSED)[:200]}; {waiting} notice(s) wait"
