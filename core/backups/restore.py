import shutil
from pathlib import Path

from django.conf import settings

from core import pagecache
from core.backups import database, media
from core.backups.errors import BackupError
from core.backups.files import DATABASE, MEDIA, check_files, read_manifest


def check_backup(folder: Path) -> dict:
    """Check the whole backup, touching nothing: the manifest, every file's checksum, the database
    (read-only) and every member of the media archive. Returns the manifest; BackupError otherwise."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest["engine"] != database.engine():
        raise BackupError(f"This backup is of a {manifest['engine']} database; the site uses {database.engine()}.")
    check_files(folder, manifest)
    database.check(folder / DATABASE[manifest["engine"]])
    media.check(folder / MEDIA)
    return manifest


def restore_backup(folder: Path) -> None:
    """Replace the database and media with a checked backup; on any refusal or failure nothing changes."""
    folder = Path(folder)
    manifest = check_backup(folder)
    media_root = Path(settings.MEDIA_ROOT)
    staging = media.extract(folder / MEDIA, media_root)
    try:
        put_back = media.swap(staging, media_root)
        try:
            database.restore(folder / DATABASE[manifest["engine"]])
        except BaseException:
            put_back()
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pagecache.invalidate()
