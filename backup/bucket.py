"""Putting restored media back in a bucket, through the storage API. A bucket has no rename to swap a folder with,
so the checked archive's files are written over the live ones (the same names hold the same images: uploads
are never overwritten), and only then are the objects the backup does not hold deleted."""

import tarfile
from pathlib import Path

from django.core.files.base import ContentFile

from backup.errors import HalfRestored
from backup.media import ROOT
from core.storage import every_file, media_storage


def put_back(path: Path) -> None:
    storage, kept = media_storage(), set()
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if not member.isfile():
                    continue
                name = member.name.removeprefix(f"{ROOT}/")
                data = tar.extractfile(member).read()
                if storage.exists(name):
                    storage.delete(name)
                if storage.save(name, ContentFile(data)) != name:
                    raise OSError(f"the bucket stored {name} under another name")
                kept.add(name)
        for name in every_file(storage):
            if name not in kept:
                storage.delete(name)
    except OSError as error:
        raise HalfRestored(
            f"The database is restored, but the media could not all be written to the bucket ({error}); "
            f"{len(kept)} were. Run the restore again once the bucket answers: it writes them all again."
        ) from error
