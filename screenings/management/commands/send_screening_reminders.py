from django.core.management.base import BaseCommand

from screenings.services import send_reminders


class Command(BaseCommand):
    help = "Email going members about screenings that start by the end of tomorrow. Run daily; safe to repeat."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} reminder(s)."))
