from django.core.management.base import BaseCommand, CommandError

from facts import links, tasks


class Command(BaseCommand):
    help = (
        "Check that every source's link still works and mark dead ones in the admin (with when each last "
        "worked). Safe from cron or the task queue: one run at a time, a pause between requests to a host."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10, help="seconds to wait for each answer (10)")
        parser.add_argument("--pause", type=float, default=1.0, help="seconds between requests to one host (1)")
        parser.add_argument("--only-dead", action="store_true", help="recheck only links found dead before")
        parser.add_argument("--enqueue", action="store_true", help="leave the check to the links worker (Procfile)")

    def handle(self, *args, timeout, pause, only_dead, enqueue, **options):
        if enqueue:
            tasks.check_sources.enqueue()
            self.stdout.write("The check is in the links queue.")
            return
        report = links.check_all(timeout=timeout, pause=pause, only_dead=only_dead)
        if report is None:
            raise CommandError("Another check of the sources is still running; try again later.")
        for source in report.dead:
            self.stdout.write(f"dead: {source.url} ({source.link_problem}), cited by {source.fact}")
        for source in report.unplaced:
            self.stdout.write(f"no link, and not said where it was printed: {source.title}, cited by {source.fact}")
        self.stdout.write(f"Checked {report.checked} links: {len(report.dead)} dead.")
        if report.printed or report.unplaced:
            self.stdout.write(
                f"Not checked: {report.printed} printed source{'s' if report.printed != 1 else ''} (known, no link), "
                f"{len(report.unplaced)} with neither a link nor where it was printed."
            )
