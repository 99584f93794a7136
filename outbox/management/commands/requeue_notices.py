from django.core.management.base import BaseCommand

from outbox import reports
from outbox.delivery import requeue_stuck


class Command(BaseCommand):
    help = (
        "Put back on the queue the notices whose task was lost (a worker killed while sending), and delete "
        "error reports kept more than 30 days. The worker runs it when it starts; run it from cron every few "
        "minutes too. Safe to repeat."
    )

    def handle(self, *args, **options):
        count = requeue_stuck()
        forgotten = reports.forget_old()
        self.stdout.write(self.style.SUCCESS(f"Requeued {count} notice(s); deleted {forgotten} old error report(s)."))
