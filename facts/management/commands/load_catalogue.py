from django.core.management.base import BaseCommand

from facts.catalogue import SEED_FILE, load_catalogue, read_seed


class Command(BaseCommand):
    help = "Load the checked-in facts, sources and FAQ. Creates what is missing; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Overwrite records that differ from the file.")
        parser.add_argument("--dry-run", action="store_true", help="Print what would change, change nothing.")

    def handle(self, *args, update: bool, dry_run: bool, **options):
        report = load_catalogue(read_seed(SEED_FILE), update=update, dry_run=dry_run)
        for line in report.lines:
            self.stdout.write(line)
        prefix = "Dry run, nothing saved: " if dry_run else "Catalogue loaded: "
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
