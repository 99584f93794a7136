"""The media storage in an S3-compatible bucket: named by settings.STORAGES only when AWS_STORAGE_BUCKET_NAME is
set, so a site without a bucket never imports boto (about 120 ms and 17 MB in every process)."""

import hashlib

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from core.storage import StorageUnavailable


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
