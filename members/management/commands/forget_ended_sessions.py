from django.core.management import call_command
from django.core.management.base import BaseCommand

from members.sessions import forget_ended


class Command(BaseCommand):
    help = (
        "Delete expired sessions, and the records of ended sessions (address, browser) the Sessions page lists. "
        "Run it daily from cron. Safe to repeat."
    )

    def handle(self, *args, **options):
        call_command("clearsessions")
        self.stdout.write(self.style.SUCCESS(f"Forgot {forget_ended()} ended session(s)."))
