from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backup.errors import BackupError
from backup.make import create_backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database and uploaded media to a new folder."

    def add_arguments(self, parser):
        parser.add_argument("--dest", type=Path, default=Path("backups"), help="Where to create the backup folder.")

    def handle(self, *args, dest: Path, **options):
        try:
            folder = create_backup(dest)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except OSError as error:  # the media storage unreachable (StorageUnavailable), the destination full
            raise CommandError(f"No backup was written: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
