from django.core.management.base import BaseCommand

from screenings.services import queue_reflection_invitations


class Command(BaseCommand):
    help = (
        "The morning after a screening, invite the members who were there to write a reflection (the task "
        "worker sends the emails). Run each morning, e.g. at 9:00; running it again invites nobody twice."
    )

    def handle(self, *args, **options):
        evenings = queue_reflection_invitations()
        self.stdout.write(self.style.SUCCESS(f"Invited the members of {evenings} evening(s)."))
