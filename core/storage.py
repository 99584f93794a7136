"""Where uploads are kept: the file system under MEDIA_ROOT, or an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME).

Everything that reads or writes media goes through the storage API (`default_storage`), so it works on both:
`every_file()` lists what is stored, `where()` names the place for a backup's manifest, `check()` is /healthz's.
A bucket that is down or refuses us raises StorageUnavailable (an OSError) within seconds, never a hang.
The bucket's storage (core.bucket_storage) is imported only where settings name it: without a bucket, no process
loads boto.
"""

import logging
from collections.abc import Iterator

from django.core.files.storage import default_storage, storages

log = logging.getLogger(__name__)

UPLOAD_FAILED = "The image could not be stored just now, so nothing was changed. Please try again in a few minutes."


class StorageUnavailable(OSError):
    """The media storage could not be reached or refused the request; nothing was stored or deleted."""


def every_file(storage=default_storage, folder: str = "") -> Iterator[str]:
    """The name of every stored file, folders walked through, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        if folder:
            raise
        return  # a MEDIA_ROOT nothing was uploaded to yet
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from every_file(storage, f"{folder}/{sub}" if folder else sub)


def media_storage():
    """The storage uploads go to (the object behind `default_storage`)."""
    return storages["default"]


def is_bucket() -> bool:
    return hasattr(media_storage(), "bucket_name")  # an S3 storage, told apart without importing boto


def where() -> str:
    """Where the media are, as a backup's manifest says it: `bucket NAME at ENDPOINT` or `file system PATH`."""
    storage = media_storage()
    if is_bucket():
        return f"bucket {storage.bucket_name} at {storage.endpoint_url or 'AWS'}"
    return f"file system {storage.location}"


def check() -> tuple[bool, str]:
    """For /healthz: the storage answers a listing of its top level."""
    try:
        default_storage.listdir("")
    except FileNotFoundError:  # a MEDIA_ROOT nothing was uploaded to yet
        return True, ""
    except OSError as error:
        log.warning("health check: %s", error)  # the address and the reason in the log, not on a public page
        return False, "the media storage did not answer (the log says why)"
    return True, ""
