from outbox.management.commands import recover_tasks


class Command(recover_tasks.Command):
    help = "The former name of `recover_tasks`, which it runs: kept for the cron lines that call it."
