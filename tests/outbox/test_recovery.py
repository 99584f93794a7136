"""Workers that recover: a task whose worker was killed mid-task is taken again once its lease has run out,
exactly once; two workers on one queue never run a task twice; link checks have a queue of their own."""

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from facts import tasks as fact_tasks
from outbox import health, recovery
from tests.outbox import worker_tasks

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def worker_env(**extra) -> dict[str, str]:
    """The environment of a worker process on the test database."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{db['NAME']}"
    else:
        database_url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return {**env, "DJANGO_SECRET_KEY": "worker-test-key", "DATABASE_URL": database_url, **extra}


def manage(*args: str, **env) -> subprocess.Popen:
    command = [sys.executable, "manage.py", *args]
    return subprocess.Popen(command, cwd=ROOT, env=worker_env(**env), stdout=subprocess.PIPE, text=True)  # noqa: S603


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def test_a_task_whose_worker_was_killed_is_taken_again_once_and_finished(tmp_path):
    log = tmp_path / "hold.log"
    result = worker_tasks.hold.enqueue(str(log))
    first = manage("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1", "--worker-id", "first")
    try:
        wait_for(lambda: lines(log) == ["started"])
    finally:
        first.send_signal(signal.SIGKILL)  # no chance to finish or to say anything
        first.wait(timeout=10)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING

    time.sleep(1.1)  # the lease below runs out
    recoveries = [manage("recover_tasks", CLUB_TASK_LEASE_SECONDS="1") for _ in range(2)]  # two machines' cron
    said = [process.communicate(timeout=60)[0] for process in recoveries]
    assert sorted(text.split()[1] for text in said) == ["0", "1"], said  # "Requeued N task(s) ..."

    (tmp_path / "hold.log.release").touch()
    second = manage("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--worker-id", "second")
    assert second.wait(timeout=60) == 0
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["first", "second"]
    assert lines(log) == ["started", "started", "finished"]


def test_a_slow_task_whose_worker_lives_is_not_taken_again(tmp_path, settings):
    log = tmp_path / "hold.log"
    result = worker_tasks.hold.enqueue(str(log))
    worker = manage(
        "db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", "--worker-id", "alive",
        CLUB_TASK_HEARTBEAT_SECONDS="0.2",
    )  # fmt: skip
    try:
        wait_for(lambda: lines(log) == ["started"])
        time.sleep(2)  # well past the lease below: only the heartbeat keeps the task its worker's
        settings.CLUB_TASK_LEASE = timedelta(seconds=1)
        assert recovery.lost_tasks().count() == 0
        recovering = manage("recover_tasks", CLUB_TASK_LEASE_SECONDS="1")
        assert recovering.communicate(timeout=60)[0].split()[1] == "0"  # "Requeued 0 task(s) ..."
        assert health.check()[1] == "nothing waiting"
        (tmp_path / "hold.log.release").touch()
        assert worker.wait(timeout=60) == 0
    finally:
        worker.kill()
        worker.wait(timeout=10)
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.SUCCESSFUL and task.worker_ids == ["alive"]
    assert lines(log) == ["started", "finished"]


def test_a_worker_whose_task_was_taken_back_does_not_write_its_outcome_over_it(tmp_path):
    log = tmp_path / "hold.log"
    result = worker_tasks.hold.enqueue(str(log))
    worker = manage("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", "--worker-id", "slow")
    try:
        wait_for(lambda: lines(log) == ["started"])
        far = timezone.now() + timedelta(days=1)
        assert recovery.recover_tasks(far) == (1, 0)  # as if its beats had stopped coming
        (tmp_path / "hold.log.release").touch()
        assert worker.wait(timeout=60) == 0
    finally:
        worker.kill()
        worker.wait(timeout=10)
    task = DBTaskResult.objects.get(pk=result.id)
    assert (
        task.status == TaskResultStatus.READY and task.finished_at is None
    )  # for the next worker, as recovery left it


def test_a_running_task_within_its_lease_is_left_alone(settings):
    result = worker_tasks.record.enqueue("/dev/null", 1)
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
    assert recovery.recover_tasks() == (0, 0)
    assert health.check()[0]
    later = timezone.now() + settings.CLUB_TASK_LEASE + timedelta(seconds=1)
    assert recovery.lost_tasks(later).count() == 1


def test_a_task_that_keeps_killing_its_worker_is_failed_not_tried_forever(settings):
    result = worker_tasks.record.enqueue("/dev/null", 1)
    lost = timezone.now() - settings.CLUB_TASK_LEASE - timedelta(minutes=1)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=lost, worker_ids=["a", "b", "c"]
    )
    well, line = health.check()
    assert well and "1 task(s) lost their worker" in line  # said, but not every server unwell for it
    assert recovery.recover_tasks() == (0, 1)
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.FAILED and task.exception_class_path == recovery.LOST


def test_two_recoveries_at_once_requeue_a_lost_task_once(settings):
    results = [worker_tasks.record.enqueue("/dev/null", n) for n in range(5)]
    lost = timezone.now() - settings.CLUB_TASK_LEASE - timedelta(minutes=1)
    DBTaskResult.objects.filter(pk__in=[r.id for r in results]).update(
        status=TaskResultStatus.RUNNING, started_at=lost, worker_ids=["gone"]
    )

    def recover():
        try:
            return recovery.recover_tasks()[0]
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        assert sum(pool.map(lambda _: recover(), range(4))) == 5
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 5


def test_two_workers_on_one_queue_never_run_a_task_twice(tmp_path):
    log = tmp_path / "record.log"
    for number in range(40):
        worker_tasks.record.enqueue(str(log), number)
    workers = [manage("db_worker", "--batch", "--no-reload", "--interval", "0.05") for _ in range(2)]
    for worker in workers:
        assert worker.wait(timeout=120) == 0
    assert sorted(map(int, lines(log))) == list(range(40))
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 40


def test_link_checks_have_a_queue_of_their_own_so_mail_never_waits_behind_them(run_worker, screening, member):
    from screenings import services as screenings

    check = fact_tasks.check_sources.enqueue()
    screenings.rsvp(member=member, screening=screening)
    run_worker()  # the mail worker, as the Procfile starts it
    assert DBTaskResult.objects.get(pk=check.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.filter(queue_name="default", status=TaskResultStatus.SUCCESSFUL).exists()

    call_command("db_worker", "--batch", "--no-reload", "--queue-name", "links", verbosity=0)
    assert DBTaskResult.objects.get(pk=check.id).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.parametrize("procfile", ["Procfile", "Procfile.dev"])
def test_the_procfiles_start_a_mail_worker_and_a_links_worker(procfile):
    processes = dict(line.split(": ", 1) for line in (ROOT / procfile).read_text().splitlines() if line)
    assert "recover_tasks" in processes["worker"] and "--queue-name" not in processes["worker"]
    assert "--queue-name links" in processes["links"]
