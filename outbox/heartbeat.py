"""A worker's heartbeat: while a task runs, a thread of the worker process moves its row's `started_at` to the
present every CLUB_TASK_HEARTBEAT, so `started_at` on a RUNNING task says when its worker was last seen alive.
The lease (outbox.recovery) runs from there: a task that runs for hours under a live worker is never taken
again; one whose worker died is, a lease after its last beat.

django-tasks-db's row has no field for it, and `started_at` is the one recovery already reads; moving it costs
only the task's true start time (the worker's log keeps it). It hangs on django-tasks' task_started and
task_finished signals, which the worker sends around each task, so every `manage.py db_worker` beats without a
command of our own. A beat that finds the row no longer RUNNING as it left it (recovery took the task back,
another worker claimed it) stops and says so in the log.
"""

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)

BEATING: dict[str, "Heartbeat"] = {}


class Heartbeat(threading.Thread):
    def __init__(self, task_id, started_at):
        super().__init__(name=f"heartbeat {task_id}", daemon=True)
        self.task_id, self.beat, self.stopped = task_id, started_at, threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.CLUB_TASK_HEARTBEAT.total_seconds()):
                if not self.beat_once():
                    return
        finally:
            connections.close_all()  # this thread's own connections

    def beat_once(self) -> bool:
        now = timezone.now()
        try:
            alive = DBTaskResult.objects.filter(pk=self.task_id, status=TaskResultStatus.RUNNING, started_at=self.beat)
            if not alive.update(started_at=now):
                log.warning(
                    "Task id=%s was taken back from this worker (its lease ran out): no more beats", self.task_id
                )
                return False
        except DatabaseError:  # the database away for a moment: try at the next beat
            log.warning("Task id=%s: its heartbeat could not be written", self.task_id, exc_info=True)
            return True
        self.beat = now
        return True


def started(sender, task_result, **kwargs) -> None:
    """The worker sends the backend itself on start (the class on finish); only its database's tasks beat. A
    receiver's error would fail the task, so none gets out of here."""
    backend = sender if isinstance(sender, type) else type(sender)
    if not issubclass(backend, DatabaseBackend) or task_result.started_at is None:
        return
    try:
        beat = BEATING[str(task_result.id)] = Heartbeat(task_result.id, task_result.started_at)
        beat.start()
    except Exception:
        log.exception("Task id=%s: no heartbeat", task_result.id)


def finished(sender, task_result, **kwargs) -> None:
    beat = BEATING.pop(str(task_result.id), None)
    if beat is not None:
        beat.stopped.set()
        beat.join(timeout=10)
