"""Where uploads are kept: the file system under MEDIA_ROOT, or an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME).

Everything that reads or writes media goes through the storage API (`default_storage`), so it works on both:
`every_file()` lists what is stored, `where()` names the place for a backup's manifest, `check()` is /healthz's.
A bucket that is down or refuses us raises StorageUnavailable (an OSError) within seconds, never a hang.
"""

import hashlib
import logging
from collections.abc import Iterator

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import default_storage, storages
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

log = logging.getLogger(__name__)

UPLOAD_FAILED = "The image could not be stored just now, so nothing was changed. Please try again in a few minutes."


class StorageUnavailable(OSError):
    """The media storage could not be reached or refused the request; nothing was stored or deleted."""


def _unavailable(action: str, name: str, error: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"The media storage could not {action} {name!r}: {error}")


class BucketStorage(S3Storage):
    """django-storages' S3 storage, with short timeouts and its errors said as StorageUnavailable."""

    def __init__(self, **settings):
        # A bucket that does not answer holds an upload 5 s, not boto's minute and retries.
        settings.setdefault("client_config", Config(connect_timeout=5, read_timeout=20, retries={"max_attempts": 2}))
        super().__init__(**settings)

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable("store", name, error) from error

    def _open(self, name, mode="rb"):
        try:
            file = super()._open(name, mode)
            file.file  # noqa: B018 (fetch it now, so a missing or unreachable object fails here)
            return file
        except (BotoCoreError, ClientError) as error:
            if isinstance(error, ClientError) and error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(name) from error
            raise _unavailable("read", name, error) from error

    def overwrite(self, name: str, content) -> None:
        """Write `content` under exactly `name` in one PUT, over whatever is there (AWS_S3_FILE_OVERWRITE is
        off for uploads, which must never replace each other; a restore must)."""
        if self._save(name, content) != name:
            raise StorageUnavailable(f"The media storage stored {name!r} under another name")

    def holds(self, name: str, data: bytes) -> bool:
        """Whether the object `name` holds exactly `data`: its size and its ETag (the MD5 of an object written in
        one PUT) match. False when it is missing or was written in parts (its ETag is then no MD5)."""
        try:
            head = self.bucket.Object(self._normalize_name(clean_name(name)))
            size, etag = head.content_length, head.e_tag.strip('"')
        except ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                return False
            raise _unavailable("look for", name, error) from error
        except BotoCoreError as error:
            raise _unavailable("look for", name, error) from error
        return size == len(data) and etag == hashlib.md5(data, usedforsecurity=False).hexdigest()

    def delete(self, name):
        try:
            return super().delete(name)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable("delete", name, error) from error

    def exists(self, name):
        try:
            return super().exists(name)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable("look for", name, error) from error

    def listdir(self, name):
        try:
            return super().listdir(name)
        except (BotoCoreError, ClientError) as error:
            raise _unavailable("list", name or "/", error) from error


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
    return isinstance(media_storage(), S3Storage)


def where() -> str:
    """Where the media are, as a backup's manifest says it: `bucket NAME at ENDPOINT` or `file system PATH`."""
    storage = media_storage()
    if isinstance(storage, S3Storage):
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
