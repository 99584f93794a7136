from django.core.management.base import BaseCommand

from screenings.services import queue_reminders


class Command(BaseCommand):
    help = (
        "Queue reminders for going members of screenings that start by the end of tomorrow (the task worker sends "
        "them). Run daily; running it again queues nothing new."
    )

    def handle(self, *args, **options):
        queued = queue_reminders()
        self.stdout.write(self.style.SUCCESS(f"Queued {queued} reminder(s)."))
