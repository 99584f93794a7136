"""The README's commands, and those `make run` prints, work as written on a newcomer's machine: no variable set
but the database's address (so that the test keeps off the developer's own `db.sqlite3`)."""

import os
import re
import select
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def readme_block(heading: str) -> str:
    """The first ```sh block under `heading` in the README."""
    text = (ROOT / "README.md").read_text()
    section = text.split(heading, 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1).strip()


def banner_command(label: str) -> str:
    """The command `make run`'s banner prints after `label`, without its note in brackets."""
    line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if label in line)
    command = line.split(label, 1)[1].strip().rstrip('"').replace("$(BIN)", ".venv/bin")
    return re.sub(r"\s+\([^)]*\)$", "", command.strip())


def in_a_terminal(command: str, answers: list[tuple[str, str]], env: dict, timeout: float = 180) -> tuple[int, str]:
    """Run `command` in a pseudo-terminal, as a person at a keyboard would, answering each prompt in turn."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: the shell a newcomer types into
        os.chdir(ROOT)
        os.execve("/bin/sh", ["sh", "-c", command], env)  # noqa: S606 (the README's own command)
    output, seen, waiting = "", 0, list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not select.select([fd], [], [], 1)[0]:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        output += chunk.decode(errors="replace")
        if waiting and waiting[0][0] in output[seen:]:
            seen = output.index(waiting[0][0], seen) + len(waiting[0][0])
            os.write(fd, (waiting.pop(0)[1] + "\n").encode())
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output


def test_the_readme_and_the_banner_give_the_same_curator_command():
    assert readme_block("### Making a curator account") == banner_command("Make a curator account:")


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").exists(), reason="needs the project's .venv (make test)")
def test_the_curator_command_makes_a_superuser_as_written(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MFA_", "REDIS_URL", "CACHE_DIR"))}
    env |= {"DATABASE_URL": f"sqlite:///{database}", "CACHE_DIR": str(tmp_path / "cache"), "MAKEFLAGS": ""}
    answers = [
        ("Username: ", "curator"),
        ("Email address: ", "curator@example.org"),
        ("Password: ", "Cranes-1957-flying"),
        ("Password (again): ", "Cranes-1957-flying"),
    ]
    code, output = in_a_terminal(readme_block("### Making a curator account"), answers, env)
    assert code == 0, output
    assert "Superuser created successfully." in output, output

    import sqlite3

    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT username, is_superuser, is_staff FROM members_user").fetchall()
    assert rows == [("curator", 1, 1)]


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").exists(), reason="needs the project's .venv (make test)")
def test_the_curator_command_never_turns_debug_on_for_a_deployed_database(tmp_path):
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MFA_", "REDIS_URL", "CACHE_DIR"))}
    env |= {"DATABASE_URL": "postgres://club@db.invalid:5432/cranesclub", "MAKEFLAGS": ""}
    env["CACHE_DIR"] = str(tmp_path / "cache")
    done = subprocess.run(  # noqa: S603 - the project's own make target
        ["make", "--no-print-directory", "superuser"],  # noqa: S607
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in done.stdout + done.stderr
