"""`make backup` then `make restore BACKUP=...`, as an operator runs them, on the engine this run uses."""

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from backup.files import DATABASE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scratch_site(tmp_path):
    """A migrated database of its own (a file, or a PostgreSQL database on the test server) and a media folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SECRET_KEY="scratch-" + secrets.token_hex(16), MEDIA_ROOT=str(tmp_path / "media"))
    name = None
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
    else:
        db = connection.settings_dict
        name = f"cranesclub_backup_{secrets.token_hex(4)}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    manage(env, "migrate", "--no-input")
    yield env
    if name:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def make(env: dict, *args: str) -> str:
    command = [shutil.which("make"), "--no-print-directory", *args]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


COUNT_FACTS = "from facts.models import Fact; print(Fact.objects.count())"
DELETE_ALL_BUT_ONE = "from facts.models import Fact; Fact.objects.filter(position__gt=1).delete()"


def test_make_backup_then_make_restore_round_trips(scratch_site, tmp_path):
    env = scratch_site
    manage(env, "load_catalogue")
    media = Path(env["MEDIA_ROOT"])
    (media / "facts").mkdir(parents=True)
    (media / "facts" / "still.png").write_bytes(b"image bytes")

    out = make(env, "backup", f"DEST={tmp_path / 'backups'}")
    folder = re.search(r"Backup written to (\S+)", out).group(1)

    manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from facts.models import Fact; Fact.objects.filter(position__gt=1).delete()",
    )
    (media / "facts" / "still.png").unlink()
    assert manage(env, "shell", "--no-imports", "-c", COUNT_FACTS).strip() == "1"

    out = make(env, "restore", f"BACKUP={folder}")
    assert "every check passed" in out and "Restored" in out
    assert manage(env, "shell", "--no-imports", "-c", COUNT_FACTS).strip() == "39"
    assert (media / "facts" / "still.png").read_bytes() == b"image bytes"

    # A damaged backup: `make restore` exits non-zero, names the file at fault and changes nothing.
    manage(env, "shell", "--no-imports", "-c", DELETE_ALL_BUT_ONE)
    database = Path(folder) / DATABASE[connection.vendor]
    database.write_bytes(database.read_bytes()[:4096])
    command = [shutil.which("make"), "--no-print-directory", "restore", f"BACKUP={folder}"]
    refused = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert refused.returncode != 0
    assert "Restore refused, nothing changed" in refused.stderr and database.name in refused.stderr
    assert manage(env, "shell", "--no-imports", "-c", COUNT_FACTS).strip() == "1"
