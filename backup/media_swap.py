"""Putting restored media in place on the file system: unpacked into a staging folder beside MEDIA_ROOT, then
renamed into place, the old media kept until that has worked."""

import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

from backup.errors import BackupError
from backup.media import ROOT


def staging_for(media_root: Path) -> Path:
    """Beside MEDIA_ROOT (on the same file system, so the swap is a rename), or inside it when it is a mount point."""
    media_root = media_root.resolve()
    return (media_root if media_root.is_mount() else media_root.parent) / f".{media_root.name}.restoring"


def extract(path: Path, media_root: Path) -> Path:
    """Unpack the checked archive into the staging folder. One left by an interrupted restore is never touched."""
    staging = staging_for(media_root)
    if staging.exists():
        raise BackupError(
            f"{staging} is left from an interrupted restore and may hold the media from before it: "
            "look inside, move it away, then restore again."
        )
    staging.mkdir(mode=0o700, parents=True)
    try:
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"{path} could not be unpacked ({error}).") from error
    (staging / ROOT).mkdir(exist_ok=True)
    return staging


def swap(staging: Path, media_root: Path) -> None:
    """Put the staged media in place; the old media wait in staging/previous until the caller discards them.
    If the swap fails half-way, the old media are put back before the error goes on."""
    media_root = media_root.resolve()
    new, previous = staging / ROOT, staging / "previous"
    if media_root.is_mount():
        # A mount point cannot be renamed: its contents are moved aside and replaced instead.
        previous.mkdir()

        def put_back() -> None:
            _move_children(media_root, new, skip=staging)
            _move_children(previous, media_root)

        _move_children(media_root, previous, skip=staging)
        _guarded(lambda: _move_children(new, media_root), put_back)
        return

    had_media = media_root.exists()

    def put_back() -> None:
        if media_root.exists():
            media_root.rename(new)
        if had_media:
            previous.rename(media_root)

    if had_media:
        media_root.rename(previous)
    _guarded(lambda: new.rename(media_root), put_back)


def _guarded(step: Callable[[], None], undo: Callable[[], None]) -> None:
    try:
        step()
    except BaseException:
        undo()
        raise


def _move_children(source: Path, target: Path, *, skip: Path | None = None) -> None:
    target.mkdir(exist_ok=True)
    for child in list(source.iterdir()):
        if child != skip:
            child.rename(target / child.name)
