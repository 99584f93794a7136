"""Tasks for the tests of worker processes (tests/outbox/test_recovery.py): each writes what it does to a file."""

import time
from pathlib import Path

from django_tasks import task


def note(path: str, line: str) -> None:
    with Path(path).open("a") as file:  # one short append a line: the workers' lines never interleave
        file.write(line + "\n")


@task()
def hold(path: str) -> str:
    """Say it started, wait until `path`.release exists, say it finished."""
    note(path, "started")
    while not Path(path + ".release").exists():
        time.sleep(0.05)
    note(path, "finished")
    return "finished"


@task()
def record(path: str, number: int) -> int:
    note(path, str(number))
    time.sleep(0.02)
    return number
