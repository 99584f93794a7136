"""Putting restored media back in a bucket, through the storage API. A bucket has no rename to swap a folder with,
so nothing live is ever deleted before its replacement is in place: first every object of the checked archive is
written over the live one of its name in a single PUT (skipped when it already holds the same bytes; the same
names hold the same images, as uploads are never overwritten), then the database is restored, and only then
are the objects the backup does not hold deleted. Stopped anywhere (an error, Ctrl-C), a restore leaves every
image a page may link to in the bucket, and says how to finish: run it again.
"""

import tarfile
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile

from backup.errors import HalfRestored
from backup.media import ROOT
from core.images import CONTENT_TYPES
from core.storage import every_file, media_storage


def write_all(path: Path) -> set[str]:
    """Write every file of the archive into the bucket; returns their names. The database is not yet touched."""
    storage, kept, written = media_storage(), set(), 0
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                name = member.name.removeprefix(f"{ROOT}/")
                if PurePosixPath(name).suffix.lower() not in CONTENT_TYPES:
                    continue  # the bucket serves whatever it holds: only images go in, as /media/ served only those
                data = tar.extractfile(member).read()
                if not storage.holds(name, data):
                    storage.overwrite(name, ContentFile(data))
                    written += 1
                kept.add(name)
    except BaseException as error:
        raise HalfRestored(
            f"Nothing is restored yet: the database is as it was and no image was deleted, but the backup's media "
            f"could not all be written to the bucket ({error or type(error).__name__}); {written} were written over "
            f"the objects of the same names. Run the restore again once the bucket answers: it writes them all again."
        ) from error
    return kept


def delete_extra(kept: set[str]) -> None:
    """Delete the objects the backup does not hold (uploaded after it), once the database no longer names them."""
    storage, deleted = media_storage(), 0
    try:
        for name in list(every_file(storage)):
            if name not in kept:
                storage.delete(name)
                deleted += 1
    except BaseException as error:
        raise HalfRestored(
            f"The database and every image of the backup are restored, but the objects uploaded after the backup "
            f"could not all be deleted from the bucket ({error or type(error).__name__}); {deleted} were. Nothing "
            f"links to them any more. Run the restore again once the bucket answers to finish."
        ) from error
