"""Backups round-trip; a restore checks the whole backup first and refuses, touching nothing, when any part is wrong."""

import hashlib
import io
import shutil
import sqlite3
import stat
import subprocess
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from backup import files as backup_files
from backup.errors import BackupError
from discussion import services as discussion
from discussion.models import Comment
from facts.models import Fact
from outbox.models import ErrorReport
from screenings import services as screenings
from screenings.models import Rsvp

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def site(make_fact, make_screening, member, settings, client):
    fact = make_fact(title="Palme d’Or Winner")
    screening = make_screening(capacity=10)
    screenings.rsvp(member=member, screening=screening, guests=0)
    discussion.post_comment(author=member, target=fact, text="Kept safe")
    # A live session (and allauth's record of it, with its key), which no backup may carry.
    client.post(reverse("account_login"), {"login": member.email, "password": "squirrel-1941"})
    # An error report waiting for the worker: a traceback's values, which no backup may carry either.
    ErrorReport.objects.create(subject="Internal Server Error: /", message="report-hunter2")
    (settings.MEDIA_ROOT / "facts").mkdir(parents=True)
    (settings.MEDIA_ROOT / "facts" / "still.png").write_bytes(b"image bytes")
    return settings.MEDIA_ROOT


@pytest.fixture
def backup(site, tmp_path) -> Path:
    return Path(run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1])


def database_file(folder: Path) -> Path:
    return folder / backup_files.DATABASE[connection.vendor]


def test_backup_and_restore_round_trip_facts_rsvps_comments_and_media(backup, member, settings):
    Comment.objects.all().delete()
    Rsvp.objects.all().delete()
    Fact.objects.all().delete()
    (settings.MEDIA_ROOT / "facts" / "still.png").unlink()
    (settings.MEDIA_ROOT / "stray.png").write_bytes(b"added after the backup")

    run("restore", str(backup), "--yes")

    assert Fact.objects.get().title == "Palme d’Or Winner"
    assert Rsvp.objects.get().member == member
    assert Comment.objects.get().text == "Kept safe"
    assert (settings.MEDIA_ROOT / "facts" / "still.png").read_bytes() == b"image bytes"
    assert not (settings.MEDIA_ROOT / "stray.png").exists()
    assert not Session.objects.exists()
    assert not UserSession.objects.exists()
    assert [p.name for p in settings.MEDIA_ROOT.parent.iterdir() if p.name.startswith(".")] == []


def test_backups_are_private_and_leave_out_sessions(backup):
    assert Session.objects.exists()
    assert UserSession.objects.exists(), "the member's list of sessions names the live session's key"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in backup.iterdir()} == {0o600}
    if connection.vendor == "sqlite":
        with sqlite3.connect(database_file(backup)) as copy:
            for table in ("django_session", "usersessions_usersession", "outbox_errorreport"):
                assert copy.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table  # noqa: S608  # nosec B608
    else:
        data = subprocess.run(
            [shutil.which("pg_restore"), "--data-only", "--file", "-", str(database_file(backup))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert Session.objects.get().session_key not in data
        assert UserSession.objects.get().session_key not in data
        assert "report-hunter2" not in data


def test_a_restore_takes_away_tables_made_after_the_backup(backup):
    """Restoring a backup from before a migration leaves a schema that `migrate` can bring forward."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE made_after_the_backup (id integer)")

    run("restore", str(backup), "--yes")

    assert "made_after_the_backup" not in connection.introspection.table_names()
    assert Fact.objects.get().title == "Palme d’Or Winner"
    if connection.vendor == "postgresql":  # the schema is made again as PostgreSQL makes it: everyone may use it
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nspowner::regrole::text, has_schema_privilege('public', 'public', 'USAGE') "
                "FROM pg_namespace WHERE nspname = 'public'"
            )
            assert cursor.fetchone() == ("pg_database_owner", True)


def test_check_only_changes_nothing(backup):
    Fact.objects.all().update(title="Changed since")
    assert "every check passed" in run("restore", str(backup), "--check")
    assert Fact.objects.get().title == "Changed since"


def rewrite_manifest(folder: Path) -> None:
    """As if the damage had happened before the backup was written: the checksums match the damaged files."""
    manifest = backup_files.read_manifest(folder)
    (folder / backup_files.MANIFEST).unlink()
    backup_files.write_manifest(
        folder,
        engine=manifest["engine"],
        created=manifest["created"],
        names=list(manifest["files"]),
        media=manifest["media"],
    )


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def media_archive_with(member: tarfile.TarInfo, data: bytes = b"") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        folder = tarfile.TarInfo("media")
        folder.type = tarfile.DIRTYPE
        tar.addfile(folder)
        member.size = len(data) if member.isfile() else 0
        tar.addfile(member, io.BytesIO(data) if member.isfile() else None)
    return out.getvalue()


def link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type, member.linkname = kind, target
    return member


def bad_archive(member: tarfile.TarInfo, data: bytes = b"x"):
    def damage(folder: Path) -> None:
        (folder / backup_files.MEDIA).write_bytes(media_archive_with(member, data))
        rewrite_manifest(folder)

    return damage


DAMAGE = {
    "missing database": lambda folder: database_file(folder).unlink(),
    "missing media": lambda folder: (folder / backup_files.MEDIA).unlink(),
    "missing manifest": lambda folder: (folder / backup_files.MANIFEST).unlink(),
    "truncated database": lambda folder: truncate(database_file(folder)),
    "truncated database, matching manifest": lambda folder: (truncate(database_file(folder)), rewrite_manifest(folder)),
    "truncated media archive": lambda folder: truncate(folder / backup_files.MEDIA),
    "truncated media archive, matching manifest": lambda folder: (
        truncate(folder / backup_files.MEDIA),
        rewrite_manifest(folder),
    ),
    "a changed byte in the database": lambda folder: flip_a_byte(database_file(folder)),
    "a changed byte in the media archive": lambda folder: flip_a_byte(folder / backup_files.MEDIA),
    "a changed byte in the manifest": lambda folder: flip_a_byte(folder / backup_files.MANIFEST),
    "an absolute path": bad_archive(tarfile.TarInfo("/etc/cron.d/evil")),
    "a .. path": bad_archive(tarfile.TarInfo("media/../../evil.png")),
    "a path outside media/": bad_archive(tarfile.TarInfo("elsewhere/evil.png")),
    "a symlink": bad_archive(link("media/evil.png", "/etc/passwd", tarfile.SYMTYPE)),
    "a hard link": bad_archive(link("media/evil.png", "/etc/passwd", tarfile.LNKTYPE)),
}


def fingerprint_database() -> str:
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608  # nosec B608 (the database's own table names)
            digest.update(table.encode() + repr(sorted(map(repr, cursor.fetchall()))).encode())
    if connection.vendor == "sqlite":
        # The files' sizes and times, by stat: opening a live SQLite file and closing it would drop the
        # POSIX locks of every connection this process holds on it (a known SQLite pitfall).
        live = Path(connection.settings_dict["NAME"])
        for path in (live, live.with_name(live.name + "-wal")):
            if path.exists():
                digest.update(repr((path.stat().st_size, path.stat().st_mtime_ns)).encode())
    return digest.hexdigest()


def fingerprint_media(media_root: Path) -> list:
    siblings = sorted(p.name for p in media_root.parent.iterdir())
    return [
        siblings,
        sorted((str(p.relative_to(media_root)), p.read_bytes()) for p in media_root.rglob("*") if p.is_file()),
    ]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_backup_is_refused_and_nothing_changes(backup, site, damage):
    DAMAGE[damage](backup)
    (site / "facts" / "since.png").write_bytes(b"uploaded after the backup")
    Fact.objects.update(title="Edited after the backup")
    before = fingerprint_database(), fingerprint_media(site)

    with pytest.raises(CommandError, match="Restore refused, nothing changed"):
        run("restore", str(backup), "--check")  # the checks alone find it, before anything is touched
    with pytest.raises(CommandError, match="Restore refused, nothing changed"):
        run("restore", str(backup), "--yes")

    assert (fingerprint_database(), fingerprint_media(site)) == before
    assert Fact.objects.get().title == "Edited after the backup"


def test_the_refusal_names_the_file_at_fault(backup):
    flip_a_byte(backup / backup_files.MEDIA)
    with pytest.raises(CommandError, match=r"media\.tar\.gz does not match its checksum"):
        run("restore", str(backup), "--yes")


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a Cranes Club backup"):
        call_command("restore", str(tmp_path), "--yes")


def test_a_backup_that_fails_half_way_leaves_no_folder_that_looks_complete(site, tmp_path, monkeypatch):
    from backup import media

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(media, "archive", fail)
    with pytest.raises(CommandError, match="^No backup was written: disk full"):
        run("backup", "--dest", str(tmp_path / "backups"))
    assert list((tmp_path / "backups").iterdir()) == []


def test_checking_a_backup_writes_nothing_into_it(backup):
    before = sorted((p.name, p.stat().st_size) for p in backup.iterdir())
    run("restore", str(backup), "--check")
    assert sorted((p.name, p.stat().st_size) for p in backup.iterdir()) == before


def test_a_media_root_that_is_a_link_is_backed_up_and_restored_through_it(site, settings, tmp_path):
    real = tmp_path / "shared-media"
    site.rename(real)
    site.symlink_to(real)
    folder = Path(run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1])
    (real / "facts" / "still.png").unlink()
    run("restore", str(folder), "--yes")
    assert site.is_symlink()
    assert (real / "facts" / "still.png").read_bytes() == b"image bytes"


def test_a_link_inside_media_is_refused_at_backup_time(site, tmp_path):
    (site / "facts" / "elsewhere.png").symlink_to("/etc/hostname")
    with pytest.raises(CommandError, match="elsewhere.png is a link"):
        run("backup", "--dest", str(tmp_path / "backups"))
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_restore_left_half_way_is_never_cleaned_up_by_the_next_one(backup, site):
    leftover = site.parent / f".{site.name}.restoring"
    (leftover / "previous").mkdir(parents=True)
    (leftover / "previous" / "only-copy.png").write_bytes(b"the media from before")
    before = fingerprint_database()
    with pytest.raises(CommandError, match="interrupted restore"):
        run("restore", str(backup), "--yes")
    assert (leftover / "previous" / "only-copy.png").read_bytes() == b"the media from before"
    assert fingerprint_database() == before


def test_when_the_database_step_fails_the_media_are_untouched(backup, site, monkeypatch):
    from backup import database

    def fail(path):
        raise BackupError("pg_restore failed: out of disk")

    monkeypatch.setattr(database, "restore", fail)
    (site / "facts" / "since.png").write_bytes(b"uploaded after the backup")
    before = fingerprint_media(site)
    with pytest.raises(CommandError, match="out of disk"):
        run("restore", str(backup), "--yes")
    assert fingerprint_media(site) == before


def test_a_restore_logs_everyone_out_with_sessions_in_the_cache_too(site, tmp_path, settings, member):
    from django.test import Client

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = Client()
    client.force_login(member)
    assert client.get("/members/me/").status_code == 200
    folder = run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1]
    run("restore", folder, "--yes")
    assert client.get("/members/me/").status_code == 302


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(bad_archive(tarfile.TarInfo("media")), id="media is a file"),
        pytest.param(
            lambda folder: (folder / backup_files.MANIFEST).write_text(
                (folder / backup_files.MANIFEST).read_text().replace('"size": ', '"size": "')
            ),
            id="a manifest of the wrong shape",
        ),
    ],
)
def test_odd_backups_are_refused_cleanly(backup, site, damage):
    damage(backup)
    before = fingerprint_database(), fingerprint_media(site)
    with pytest.raises(CommandError, match="Restore refused"):
        run("restore", str(backup), "--yes")
    assert (fingerprint_database(), fingerprint_media(site)) == before


def test_a_restore_retires_the_pages_cached_before_it(site, tmp_path):
    from django.test import Client

    fact = Fact.objects.get()
    folder = run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1]
    Fact.objects.filter(pk=fact.pk).update(title="Renamed after the backup")  # a bulk write, caching it anew
    assert "Renamed after the backup" in Client().get(fact.get_absolute_url()).content.decode()

    run("restore", folder, "--yes")

    assert "Palme d’Or Winner" in Client().get(fact.get_absolute_url()).content.decode()


def test_a_site_with_no_uploads_yet_says_so_in_its_backup(make_fact, settings, tmp_path):
    import json

    make_fact()
    assert not settings.MEDIA_ROOT.exists()
    folder = Path(run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1])
    media = json.loads((folder / backup_files.MANIFEST).read_text())["media"]
    assert media == {"count": 0, "files": {}, "from": f"file system {settings.MEDIA_ROOT}"}
    run("restore", str(folder), "--yes")
    assert settings.MEDIA_ROOT.is_dir()
