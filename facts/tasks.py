from django_tasks import task

from facts import links


@task()
def check_sources() -> str:
    """The link check as a task, for sites that schedule work through the task queue rather than cron."""
    report = links.check_all()
    return "another check is running" if report is None else f"checked {report.checked}, {len(report.dead)} dead"
