from django.core.management.base import BaseCommand

from screenings.services import expire_offers


class Command(BaseCommand):
    help = (
        "Lapse the offers past their deadline and offer the seats to the next in line. The task worker does "
        "this at each deadline, and so does any page that touches the screening; the worker runs this "
        "command when it starts (Procfile), and cron may run it every few minutes as a safety net."
    )

    def handle(self, *args, **options):
        lapsed = expire_offers()
        self.stdout.write(self.style.SUCCESS(f"Lapsed {lapsed} offer(s)."))
