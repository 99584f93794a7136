from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backup.errors import BackupError, HalfRestored
from backup.restore import check_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and uploaded media with a backup made by `manage.py backup`. The whole backup is "
        "checked first; a backup that fails any check is refused and nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--check", action="store_true", help="Only check the backup; change nothing.")

    def handle(self, *args, folder: Path, yes: bool, check: bool, **options):
        try:
            manifest = check_backup(folder)
            self.stdout.write(f"{folder}: a {manifest['engine']} backup of {manifest['created']}; every check passed.")
            if check:
                return
            if not yes:
                answer = input(f"This replaces the current database and media with {folder}. Type 'yes' to go on: ")
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled; nothing changed.")
            restore_backup(folder)
        except HalfRestored as error:
            raise CommandError(f"Restore not finished: {error}") from error
        except BackupError as error:
            raise CommandError(f"Restore refused, nothing changed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))
