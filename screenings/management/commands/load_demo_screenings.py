from django.core.management.base import BaseCommand

from screenings.demo import load_demo_screenings


class Command(BaseCommand):
    help = "Create a demo venue and upcoming demo screenings for development. Not for a real deployment."

    def handle(self, *args, **options):
        changed = load_demo_screenings()
        for line in changed:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Demo screenings ready ({len(changed)} change(s))."))
