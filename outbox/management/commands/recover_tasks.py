from django.core.management.base import BaseCommand

from outbox.recovery import recover


class Command(BaseCommand):
    help = (
        "Take again the tasks whose worker died (no heartbeat for CLUB_TASK_LEASE_SECONDS), put "
        "back on the queue the notices whose task was lost, and delete error reports kept more than 30 days. "
        "Each worker runs it when it starts; run it from cron every few minutes too. Safe to repeat, and to run "
        "on several machines at once: a task is taken again once."
    )

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(str(recover())))
