import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX as CACHED_SESSION_PREFIX
from django.contrib.sessions.backends.cached_db import SessionStore as CachedSessionStore
from django.core.cache import caches
from django.utils.module_loading import import_string

from backup import bucket, database, media, media_swap
from backup.errors import BackupError, HalfRestored
from backup.files import DATABASE, MANIFEST, MEDIA, check_files, read_manifest
from core.signals import database_replaced
from core.storage import is_bucket, media_storage


def check_backup(folder: Path) -> dict:
    """Check the whole backup, touching nothing: the manifest, every file's checksum, the database
    (read-only) and every member of the media archive. Returns the manifest; BackupError otherwise."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest["engine"] != database.engine():
        engines = f"this backup is of a {manifest['engine']} database; the site uses {database.engine()}"
        raise BackupError(f"{folder / MANIFEST}: {engines}.")
    check_files(folder, manifest)
    database.check(folder / DATABASE[manifest["engine"]])
    media.check(folder / MEDIA, manifest.get("media"))
    return manifest


def restore_backup(folder: Path) -> None:
    """Replace the database and media with a checked backup. A refusal changes nothing.

    On the file system the media are unpacked into a staging folder first; then the database is restored
    in one transaction (the long step, so a failure there leaves everything as it was); then the staged
    media are renamed into place, the old ones kept until that has worked. With a bucket, every file is
    first written over its object through the storage API, then the database is restored, then the objects
    the backup does not hold are deleted (backup.bucket): no image is gone while a page may still show it.
    Stop the web and worker processes first: a restore is not meant to race uploads.
    """
    folder = Path(folder)
    manifest = check_backup(folder)
    sessions = database.live_session_keys()
    if is_bucket():
        kept = bucket.write_all(folder / MEDIA)
        database.restore(folder / DATABASE[manifest["engine"]])
        bucket.delete_extra(kept)
    else:
        _restore_with_media_folder(folder, manifest)
    _forget(sessions)
    database_replaced.send(sender=restore_backup)  # the page cache retires what it kept from before


def _restore_with_media_folder(folder: Path, manifest: dict) -> None:
    media_root = Path(media_storage().location)
    staging = media_swap.extract(folder / MEDIA, media_root)
    try:
        database.restore(folder / DATABASE[manifest["engine"]])
    except BaseException:
        shutil.rmtree(staging)  # holds only the unpacked backup: the live media were never touched
        raise
    try:
        media_swap.swap(staging, media_root)
    except OSError as error:
        raise HalfRestored(
            f"The database is restored, but the media could not be put in place ({error}); the media from "
            f"before are where they were, and the backup's are unpacked in {staging / media.ROOT}."
        ) from error
    shutil.rmtree(staging)  # only now: it holds the media from before the restore


def _forget(session_keys: list[str]) -> None:
    """Sessions live in the cache too (REDIS_URL): those of the site before the restore are dropped there as well."""
    if issubclass(import_string(f"{settings.SESSION_ENGINE}.SessionStore"), CachedSessionStore):
        cache = caches[settings.SESSION_CACHE_ALIAS]
        cache.delete_many([CACHED_SESSION_PREFIX + key for key in session_keys])
