"""Where uploads are kept: the file system under MEDIA_ROOT, or an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME).

Everything that reads or writes media goes through the storage API (`default_storage`), so it works on both:
`every_file()` lists what is stored, `where()` names the place for a backup's manifest, `check()` is /healthz's.
A bucket that is down or refuses us raises StorageUnavailable (an OSError) within seconds, never a hang.
The bucket's storage (core.bucket_storage) is imported only where settings name it: without a bucket, no process
loads boto.
"""

import logging
import time
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
        folder = f" under {storage.location}/" if storage.location else ""
        return f"bucket {storage.bucket_name}{folder} at {storage.endpoint_url or 'AWS'}"
    return f"file system {storage.location}"


# /healthz's last answer in this process: (the storage it asked, when, what it said). A load balancer probes every
# few seconds; a bucket is listed at most once per CHECK_EVERY seconds for it.
CHECK_EVERY = 30
_last_check: tuple[object, float, tuple[bool, str]] | None = None


def check() -> tuple[bool, str]:
    """For /healthz: the storage answers a listing of its top level (the answer kept CHECK_EVERY seconds)."""
    global _last_check  # noqa: PLW0603
    storage, now = media_storage(), time.monotonic()
    if _last_check is not None and _last_check[0] is storage and now - _last_check[1] < CHECK_EVERY:
        return _last_check[2]
    result = _probe(storage)
    _last_check = (storage, now, result)
    return result


def _probe(storage) -> tuple[bool, str]:
    try:
        storage.listdir("")
    except FileNotFoundError:  # a MEDIA_ROOT nothing was uploaded to yet
        return True, ""
    except OSError as error:
        log.warning("health check: %s", error)  # the address and the reason in the log, not on a public page
        return False, "the media storage did not answer (the log says why)"
    return True, ""
