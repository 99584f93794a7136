"""Tasks whose worker died (killed, out of memory, its machine gone) are taken again, each exactly once, on
every queue (default and links alike).

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a worker killed
mid-task leaves it RUNNING forever. A live worker moves a running task's `started_at` forward every
CLUB_TASK_HEARTBEAT (outbox.heartbeat), so a task still RUNNING CLUB_TASK_LEASE after its last beat has lost
its worker, however long tasks run, and goes back to READY for the next worker, under a row lock so two
recoveries at once requeue it once. One whose workers died CLUB_TASK_MAX_CLAIMS times is marked failed instead,
so a task that kills its worker cannot do so forever. Every task must be safe to run twice (docs/operations.md).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from outbox import reports
from outbox.delivery import requeue_stuck

LOST = "outbox.recovery.WorkerLost"


@dataclass
class Recovered:
    tasks: int = 0
    failed: int = 0
    notices: int = 0
    reports: int = 0

    def __str__(self) -> str:
        return (
            f"Requeued {self.tasks} task(s) whose worker died, failed {self.failed} that killed their worker "
            f"{settings.CLUB_TASK_MAX_CLAIMS} times; requeued {self.notices} notice(s); "
            f"deleted {self.reports} old error report(s)."
        )


def lost_tasks(now=None):
    return DBTaskResult.objects.running().filter(started_at__lt=(now or timezone.now()) - settings.CLUB_TASK_LEASE)


def recover_tasks(now=None) -> tuple[int, int]:
    """Requeue the tasks whose lease ran out; (requeued, failed)."""
    now, requeued, failed = now or timezone.now(), 0, 0
    with transaction.atomic():
        for result in lost_tasks(now).select_for_update(skip_locked=True):
            if len(result.worker_ids) >= settings.CLUB_TASK_MAX_CLAIMS:
                result.status, result.finished_at = TaskResultStatus.FAILED, now
                result.exception_class_path = LOST
                result.traceback = f"Its worker died {len(result.worker_ids)} times: {', '.join(result.worker_ids)}"
                result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                failed += 1
            else:
                result.status, result.started_at = TaskResultStatus.READY, None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    return requeued, failed


def recover(now=None) -> Recovered:
    """Everything a dead worker leaves behind: its task, and its notice (outbox.delivery.requeue_stuck); and
    error reports kept past their time."""
    tasks, failed = recover_tasks(now)
    return Recovered(tasks=tasks, failed=failed, notices=requeue_stuck(now), reports=reports.forget_old())
