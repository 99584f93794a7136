"""Archiving MEDIA_ROOT, checking an archive member by member, and swapping restored media into place."""

import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

from backup.errors import BackupError
from backup.files import make_private

ROOT = "media"


def archive(media_root: Path, path: Path) -> None:
    """Archive the uploads under media/. MEDIA_ROOT may be a link to the real folder; links inside it are refused."""
    media_root = media_root.resolve()

    def regular_only(member: tarfile.TarInfo) -> tarfile.TarInfo:
        if not (member.isfile() or member.isdir()):
            inside = media_root / Path(*Path(member.name).parts[1:])
            raise BackupError(f"{inside} is a link or a device, which a backup does not follow: move the file in.")
        return member

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
                    data = tar.extractfile(member)
                    while data.read(1 << 20):  # reading every byte finds a truncated archive
                        pass
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{path} is not a readable media archive ({error}).") from error


def _check_member(path: Path, member: tarfile.TarInfo) -> None:
    parts = Path(member.name).parts
    if member.name.startswith("/") or ".." in parts or not parts or parts[0] != ROOT:
        raise BackupError(f"{path} holds {member.name!r}, outside media/: refused.")
    if not (member.isfile() or member.isdir()) or (len(parts) == 1 and not member.isdir()):
        raise BackupError(f"{path} holds {member.name!r}, which is not a plain file or folder: refused.")


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
