"""The uploaded media in a backup: every stored file read through the storage API (the file system or a bucket)
into media.tar.gz, with each file's checksum in the manifest; and the archive checked member by member against it."""

import hashlib
import io
import os
import posixpath
import tarfile
import time
from functools import partial
from pathlib import Path

from django.core.files.storage import FileSystemStorage

from backup.errors import BackupError
from backup.files import make_private
from core.storage import every_file, media_storage, where

ROOT = "media"
# No upload is larger than 5 MB (core.images): a member ten times that is no media of this site.
MAX_FILE_BYTES = 50 * 1024 * 1024


def archive(path: Path) -> dict:
    """Archive every stored file under media/; returns the manifest's account of them: where they came from, how
    many, and each one's size and SHA-256. A link inside MEDIA_ROOT is refused rather than followed; a file
    deleted after the listing is left out (the manifest accounts for exactly what the archive holds)."""
    storage, files, now = media_storage(), {}, time.time()
    with tarfile.open(path, "w:gz") as tar:
        make_private(path)
        for name in every_file(storage):
            _refuse_links(storage, name)
            try:
                with storage.open(name, "rb") as file:
                    data = file.read()
            except FileNotFoundError:  # deleted between the listing and now (a fact's image replaced): not media
                continue
            member = tarfile.TarInfo(f"{ROOT}/{name}")
            member.size, member.mode, member.mtime = len(data), 0o600, now
            tar.addfile(member, io.BytesIO(data))
            files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return {"from": where(), "count": len(files), "files": files}


def _refuse_links(storage, name: str) -> None:
    if not isinstance(storage, FileSystemStorage):
        return
    path = storage.path(name)
    if os.path.realpath(path) != os.path.join(os.path.realpath(storage.location), name):
        raise BackupError(f"{path} is a link or lies behind one, which a backup does not follow: move the file in.")


def check(path: Path, expected: dict | None) -> None:
    """Read the whole archive; refuse it if it is damaged, holds anything but files and folders under media/, or
    (with the manifest's account, `expected`) any file is missing, extra or not as it was backed up."""
    found = {}
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                _check_member(path, member)
                if member.isfile():
                    digest, data = hashlib.sha256(), tar.extractfile(member)
                    for block in iter(partial(data.read, 1 << 20), b""):  # every byte: finds a truncated archive
                        digest.update(block)
                    found[member.name.removeprefix(f"{ROOT}/")] = {"sha256": digest.hexdigest(), "size": member.size}
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{path} is not a readable media archive ({error}).") from error
    if expected is not None:
        _compare(path, found, expected)


def _compare(path: Path, found: dict, expected: dict) -> None:
    for name, file in expected["files"].items():
        if name not in found:
            raise BackupError(f"{path} lacks {name}, which the manifest lists: refused.")
        if found[name] != file:
            raise BackupError(f"{path}: {name} does not match its checksum in the manifest: it is damaged.")
    extra = sorted(set(found) - set(expected["files"]))
    if extra:
        raise BackupError(f"{path} holds {extra[0]}, which the manifest does not list: refused.")
    if len(found) != expected["count"]:
        raise BackupError(f"{path} holds {len(found)} files; the manifest says {expected['count']}: refused.")


def _check_member(path: Path, member: tarfile.TarInfo) -> None:
    parts = Path(member.name).parts
    if member.name.startswith("/") or ".." in parts or not parts or parts[0] != ROOT:
        raise BackupError(f"{path} holds {member.name!r}, outside media/: refused.")
    if not (member.isfile() or member.isdir()) or (len(parts) == 1 and not member.isdir()):
        raise BackupError(f"{path} holds {member.name!r}, which is not a plain file or folder: refused.")
    if posixpath.normpath(member.name) != member.name.rstrip("/"):
        # `media/./x.jpg` or `media//x.jpg` would be checked as one name and stored as another.
        raise BackupError(f"{path} holds {member.name!r}, which is not a plain name: refused.")
    if member.size > MAX_FILE_BYTES:
        raise BackupError(f"{path} holds {member.name!r}, larger than any upload: refused.")
