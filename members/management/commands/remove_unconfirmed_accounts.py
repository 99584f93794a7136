from django.core.management.base import BaseCommand

from members.services import remove_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete the accounts whose email address nobody confirmed within 7 days of signing up. "
        "Run it daily from cron. Safe to repeat."
    )

    def handle(self, *args, **options):
        removed, kept = remove_unconfirmed()
        self.stdout.write(
            self.style.SUCCESS(f"Removed {removed} unconfirmed account(s); kept {kept} with RSVPs or comments.")
        )
