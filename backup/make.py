import shutil
from pathlib import Path

from django.utils import timezone

from backup import database, media
from backup.files import DATABASE, MEDIA, private_folder, write_manifest


def create_backup(dest: Path) -> Path:
    """Write a new backup folder under `dest`. It appears under its final name only once complete."""
    now = timezone.now()
    final = Path(dest) / f"cranesclub-{now:%Y%m%d-%H%M%S-%f}"
    folder = private_folder(final.with_name(f".{final.name}.partial"))
    names = [DATABASE[database.engine()], MEDIA]
    try:
        database.dump(folder / names[0])
        media_account = media.archive(folder / MEDIA)
        write_manifest(folder, engine=database.engine(), created=now.isoformat(), names=names, media=media_account)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    folder.rename(final)
    return final
