"""Dumping, checking and restoring the database, for SQLite and PostgreSQL."""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.db import connection

from backup.errors import BackupError
from backup.files import make_private

# Rows a backup leaves out: sessions, and the list of each member's sessions with their keys (whoever
# holds a key is logged in), and error reports waiting to be emailed (a traceback's local values). The
# tables stay, empty, so a restored site starts with everyone logged out.
LEFT_OUT = ("django_session", "usersessions_usersession", "outbox_errorreport")


def engine() -> str:
    return connection.vendor


def dump(path: Path) -> None:
    if engine() == "sqlite":
        _dump_sqlite(path)
    else:
        excluded = [f"--exclude-table-data={table}" for table in LEFT_OUT]
        _run(["pg_dump", *_pg_args(), "--format=custom", "--no-owner", *excluded, "--file", str(path), _name()])
    make_private(path)


def check(path: Path) -> None:
    """Refuse a database file that cannot be read whole. Nothing is written, beside it or anywhere."""
    if engine() == "sqlite":
        _check_sqlite(path)
    else:
        # Writing the whole dump out as SQL reads every block of it, data included (--list reads the table of contents).
        _run(["pg_restore", "--file", os.devnull, str(path)], failure=f"{path} is not a readable PostgreSQL dump")


def restore(path: Path) -> None:
    """Replace the live database with the checked backup, in one step that either happens whole or not at all."""
    connection.close()
    if engine() == "sqlite":
        _restore_sqlite(path)
    else:
        _restore_postgresql(path)
    connection.close()


def live_session_keys() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_key FROM django_session")
        return [row[0] for row in cursor.fetchall()]


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable: SQLite makes no -wal or -shm file beside a backup, so checking it changes nothing.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _dump_sqlite(path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        make_private(path)
        with target:
            connection.connection.backup(target)
        existing = {row[0] for row in target.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        with target:
            for table in LEFT_OUT:
                if table in existing:
                    target.execute(f'DELETE FROM "{table}"')  # noqa: S608  # nosec B608 (names from LEFT_OUT)
        target.execute("PRAGMA journal_mode=DELETE")  # a backup is one file, with no journal beside it
        target.execute("VACUUM")  # so the deleted rows are gone from the file, not just unlinked
    finally:
        target.close()


def _check_sqlite(path: Path) -> None:
    try:
        backup = _read_only(path)
        try:
            result = backup.execute("PRAGMA integrity_check").fetchall()
            tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            backup.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database ({error}).") from error
    if result != [("ok",)]:
        raise BackupError(f"{path} fails SQLite's integrity check: {result[0][0]}")
    if "django_migrations" not in tables:
        raise BackupError(f"{path} is not a Cranes Club database (it has no django_migrations table).")


def _restore_sqlite(path: Path) -> None:
    """Copy the checked file's pages into the live database with SQLite's backup API, under its own lock, as
    one write: other connections see the old database or the new one, never a mixture.

    The pages go through a staged copy set to the live file's journal mode first: the header is copied
    too, and a live WAL database whose header said otherwise would fail every connection that has it open.
    """
    live = Path(connection.settings_dict["NAME"])
    staged = live.with_name(f".{live.name}.restoring")
    shutil.copyfile(path, staged)
    try:
        with sqlite3.connect(live) as target:
            mode = target.execute("PRAGMA journal_mode").fetchone()[0]
        source = sqlite3.connect(staged)
        try:
            source.execute(f"PRAGMA journal_mode={mode}")  # noqa: S608  # nosec B608 (SQLite's own answer)
            target = sqlite3.connect(live)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    finally:
        for leftover in (staged, staged.with_name(staged.name + "-wal"), staged.with_name(staged.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _restore_postgresql(path: Path) -> None:
    """Replace the whole schema with the dump's in one transaction: tables that later migrations made go
    too, so `migrate` can bring an older backup forward, and a failure leaves the live database as it was.
    The schema is made again as PostgreSQL 15 makes it (owned by the database's owner, usable by all).
    The database's user must own `public` (on PostgreSQL 15 and later the database's owner does), and the
    site's tables must be all there is: another schema, or a view of yours on the site's tables, is refused
    or dropped, so back such a database up with your own tools."""
    with tempfile.TemporaryDirectory() as scratch:  # private to this user, like the backup itself
        script = Path(scratch) / "restore.sql"
        _run(["pg_restore", "--no-owner", "--file", str(script), str(path)])
        replace = [
            *("--command", "DROP SCHEMA public CASCADE"),
            *("--command", "CREATE SCHEMA public AUTHORIZATION pg_database_owner"),
            *("--command", "GRANT USAGE ON SCHEMA public TO PUBLIC"),
        ]
        options = ["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction"]
        _run(["psql", *_pg_args(), *options, *replace, "--file", str(script), "--dbname", _name()])


def _name() -> str:
    return connection.settings_dict["NAME"]


def _pg_args() -> list[str]:
    db = connection.settings_dict
    return ["--host", db["HOST"] or "localhost", "--port", str(db["PORT"] or 5432), "--username", db["USER"]]


def _run(command: list[str], *, failure: str = "") -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed; install the PostgreSQL client tools.")
    env = {**os.environ, "PGPASSWORD": connection.settings_dict["PASSWORD"] or ""}
    # The arguments come from our own settings, never from a request, and no shell is involved.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{failure or command[0] + ' failed'}: {result.stderr.strip()}")
