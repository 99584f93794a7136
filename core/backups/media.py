"""Archiving MEDIA_ROOT, checking an archive member by member, and swapping restored media into place."""

import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

from core.backups.errors import BackupError
from core.backups.files import make_private

ROOT = "media"


def archive(media_root: Path, path: Path) -> None:
    def regular_only(member: tarfile.TarInfo) -> tarfile.TarInfo | None:
        return member if member.isfile() or member.isdir() else None  # links would be refused on restore

    with tarfile.open(path, "w:gz") as tar:
        make_private(path)
        if media_root.is_dir():
            tar.add(media_root, arcname=ROOT, filter=regular_only)


def check(path: Path) -> None:
    """Read the whole archive; refuse it if it is damaged or holds anything but files and folders under media/."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                _check_member(path, member)
                if member.isfile():
                    tar.extractfile(member).read()  # reading the data finds a truncated archive
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{path} is not a readable media archive ({error}).") from error


def _check_member(path: Path, member: tarfile.TarInfo) -> None:
    parts = Path(member.name).parts
    if member.name.startswith("/") or ".." in parts or not parts or parts[0] != ROOT:
        raise BackupError(f"{path} holds {member.name!r}, outside media/: refused.")
    if not (member.isfile() or member.isdir()):
        raise BackupError(f"{path} holds {member.name!r}, which is a link or a device, not a file: refused.")


def extract(path: Path, media_root: Path) -> Path:
    """Unpack the checked archive into a staging folder on the same file system as MEDIA_ROOT."""
    mount = media_root.is_mount()
    staging = (media_root if mount else media_root.parent) / f".{media_root.name}.restoring"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700, parents=True)
    try:
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"{path} could not be unpacked ({error}).") from error
    (staging / ROOT).mkdir(exist_ok=True)
    return staging


def swap(staging: Path, media_root: Path) -> Callable[[], None]:
    """Put the staged media in place by renaming; returns what puts the old media back."""
    new = staging / ROOT
    if media_root.is_mount():
        # A mount point cannot be renamed: its contents are moved aside and replaced instead.
        previous = staging / "previous"
        previous.mkdir()
        _move_children(media_root, previous, skip=staging)
        _move_children(new, media_root)

        def undo() -> None:
            for child in media_root.iterdir():
                if child != staging:
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
            _move_children(previous, media_root)

        return undo
    previous = staging / "previous"
    had_media = media_root.exists()
    if had_media:
        media_root.rename(previous)
    new.rename(media_root)

    def undo() -> None:
        media_root.rename(new)
        if had_media:
            previous.rename(media_root)

    return undo


def _move_children(source: Path, target: Path, *, skip: Path | None = None) -> None:
    for child in list(source.iterdir()):
        if child != skip:
            child.rename(target / child.name)
