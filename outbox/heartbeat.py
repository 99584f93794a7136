"""A worker's heartbeat: while a task runs, a thread of the worker process moves its row's `started_at` to the
present every CLUB_TASK_HEARTBEAT, so `started_at` on a RUNNING task says when its worker was last seen alive.
The lease (outbox.recovery) runs from there: a task that runs for hours under a live worker is never taken
again; one whose worker died is, a lease after its last beat.

django-tasks-db's row has no field for it, and `started_at` is the one recovery already reads; moving it costs
only the task's true start time (the worker's log keeps it). It hangs on django-tasks' task_started and
task_finished signals, which the worker sends around each task, so every `manage.py db_worker` beats without a
command of our own. A beat that finds the row no longer RUNNING as it left it (recovery took the task back,
another worker claimed it) stops and says so in the log.

And a worker whose task was taken back does not write its result over the row (`guard`): django-tasks-db saves
the outcome by primary key alone, which would mark SUCCESSFUL a task that recovery had put back in the queue,
or that another worker is running. The guard loads what the row holds instead, so that save writes it back
unchanged (a window of milliseconds remains, between that read and the save, if the other run ends in it).
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
        self.lock = threading.Lock()  # a beat and the final save's guard never interleave

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.CLUB_TASK_HEARTBEAT.total_seconds()):
                if not self.beat_once():
                    return
        finally:
            connections.close_all()  # this thread's own connections

    def beat_once(self) -> bool:
        with self.lock:
            if self.stopped.is_set():
                return False
            return self._beat()

    def _beat(self) -> bool:
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


OUTCOME = ("status", "return_value", "finished_at", "exception_class_path", "traceback")


def guard(sender, instance, update_fields=None, **kwargs) -> None:
    """pre_save of DBTaskResult: the worker's save of its task's outcome, when the task is no longer its own,
    writes back what the row holds. Never raises: the worst case is django-tasks-db's own behaviour."""
    beat = BEATING.get(str(instance.pk))
    if beat is None or not update_fields or "finished_at" not in update_fields:
        return
    try:
        with beat.lock:
            beat.stopped.set()
            row = DBTaskResult.objects.filter(pk=instance.pk).first()
            if row is None or (row.status == TaskResultStatus.RUNNING and row.started_at == beat.beat):
                return  # still ours
            log.warning(
                "Task id=%s was taken back from this worker (now %s): its outcome here is not recorded",
                instance.pk,
                row.status,
            )
            for field in OUTCOME:
                setattr(instance, field, getattr(row, field))
    except Exception:
        log.exception("Task id=%s: could not tell whether it is still this worker's", instance.pk)
