"""The backup folder's files: names, private permissions, checksums and the manifest."""

import hashlib
import json
import os
from pathlib import Path

from backup.errors import BackupError

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
DATABASE = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
# 2: the manifest also accounts for the media, file by file (`media`); backups of format 1 still restore.
FORMAT = 2
READABLE = (1, 2)


def private_folder(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True)
    path.chmod(0o700)  # mkdir's mode is filtered by the umask
    return path


def make_private(path: Path) -> None:
    path.chmod(0o600)


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _encode(manifest: dict) -> bytes:
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def write_manifest(folder: Path, *, engine: str, created: str, names: list[str], media: dict) -> None:
    """`media` is backup.media.archive's account: where the media came from, how many files, each one's checksum."""
    files = {name: {"sha256": checksum(folder / name), "size": (folder / name).stat().st_size} for name in names}
    manifest = {"format": FORMAT, "engine": engine, "created": created, "files": files, "media": media}
    path = folder / MANIFEST
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(_encode(manifest))


def read_manifest(folder: Path) -> dict:
    """The manifest, refused unless it is exactly as written (a changed byte anywhere shows)."""
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} is not a Cranes Club backup: {MANIFEST} is missing.")
    raw = path.read_bytes()
    try:
        manifest = json.loads(raw)
        if raw != _encode(manifest) or manifest["format"] not in READABLE:
            raise ValueError
        if manifest["format"] >= 2 and not _media_account(manifest["media"]):
            raise ValueError
        engine, files = manifest["engine"], manifest["files"]
        if engine not in DATABASE or set(files) != {DATABASE[engine], MEDIA}:
            raise ValueError
        if not all(isinstance(f["sha256"], str) and isinstance(f["size"], int) for f in files.values()):
            raise ValueError
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{path} is damaged or not a manifest this version can read.") from error
    return manifest


def _media_account(media) -> bool:
    files = media["files"]
    well_formed = all(isinstance(f["sha256"], str) and isinstance(f["size"], int) for f in files.values())
    return isinstance(media["from"], str) and media["count"] == len(files) and well_formed


def check_files(folder: Path, manifest: dict) -> None:
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            raise BackupError(f"{path} is missing.")
        if path.stat().st_size != expected["size"] or checksum(path) != expected["sha256"]:
            raise BackupError(f"{path} does not match its checksum in {MANIFEST}: it is damaged or was changed.")
