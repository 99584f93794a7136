from django_tasks import task

from facts import links


# A run takes minutes (a pause between requests to one host): it has the `links` queue and worker to itself,
# so mail never waits behind it. Safe to run twice: a second run at once finds the first's lock and stops.
@task(queue_name="links")
def check_sources() -> str:
    """The link check as a task (`manage.py check_sources --enqueue`), run by the links worker."""
    report = links.check_all()
    return "another check is running" if report is None else f"checked {report.checked}, {len(report.dead)} dead"
