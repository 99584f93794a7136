"""Consistent backups of the database and uploaded media, and restoring them.

A backup is a folder: `database.dump` (pg_dump custom format) or `database.sqlite3` (SQLite's online
backup API, consistent while the site runs), `media.tar.gz`, and `manifest.json`.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone


class BackupError(Exception):
    pass


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _pg_args() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--host", db["HOST"] or "localhost", "--port", str(db["PORT"] or 5432), "--username", db["USER"]]
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    return args, env


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed; install the PostgreSQL client tools.")
    # The arguments come from our own settings, never from a request, and no shell is involved.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(dest: Path) -> Path:
    folder = Path(dest) / f"cranesclub-{timezone.now():%Y%m%d-%H%M%S-%f}"
    folder.mkdir(parents=True)
    if _is_sqlite():
        connection.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.connection.backup(target)
        target.close()
    else:
        args, env = _pg_args()
        dump = ["pg_dump", *args, "--format=custom", "--no-owner", "--file", str(folder / "database.dump")]
        _run([*dump, connection.settings_dict["NAME"]], env)
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname="media")
    manifest = {"created": timezone.now().isoformat(), "engine": connection.vendor}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return folder


def restore_backup(folder: Path) -> None:
    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise BackupError(f"{folder} is not a Cranes Club backup (no manifest.json).")
    manifest = json.loads(manifest_path.read_text())
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"This backup is of a {manifest['engine']} database; the site uses {connection.vendor}.")
    connection.close()
    if _is_sqlite():
        source = sqlite3.connect(folder / "database.sqlite3")
        target = sqlite3.connect(connection.settings_dict["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
    else:
        args, env = _pg_args()
        restore = ["pg_restore", *args, "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run([*restore, "--dbname", connection.settings_dict["NAME"], str(folder / "database.dump")], env)
    _restore_media(folder / "media.tar.gz")


def _restore_media(archive_path: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(archive_path, "r:gz") as archive:
        members = [m for m in archive.getmembers() if m.name == "media" or m.name.startswith("media/")]
        if media_root.exists():
            shutil.rmtree(media_root)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staging = media_root.parent / f".restore-{media_root.name}"
        shutil.rmtree(staging, ignore_errors=True)
        archive.extractall(staging, members=members, filter="data")
        extracted = staging / "media"
        if extracted.exists():
            extracted.rename(media_root)
        else:
            media_root.mkdir()
        shutil.rmtree(staging, ignore_errors=True)
