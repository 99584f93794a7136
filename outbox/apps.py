from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """The club's outbox: every email is a notice, delivered by the task worker with retries. It knows no
    domain app: each registers the kinds it sends (outbox.kinds), and members the rule for addresses."""

    name = "outbox"
    verbose_name = "Club emails"

    def ready(self):
        from django.db.models.signals import pre_save
        from django_tasks.signals import task_finished, task_started
        from django_tasks_db.models import DBTaskResult

        from core import health
        from outbox import health as queue
        from outbox import heartbeat, kinds, reports

        task_started.connect(heartbeat.started, dispatch_uid="outbox.heartbeat")
        task_finished.connect(heartbeat.finished, dispatch_uid="outbox.heartbeat")
        pre_save.connect(heartbeat.guard, sender=DBTaskResult, dispatch_uid="outbox.heartbeat")

        kinds.register(reports.KIND, reports.to_admins, account=True, forget=reports.forget)
        health.register("queue", queue.check)
        health.register("mail", queue.relay)
