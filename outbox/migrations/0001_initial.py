"""The notices table, which core kept before the outbox was an app of its own.

A database from before keeps its rows: its table `core_notice` is renamed, with its indexes, and the
content type (so permissions given to groups, and the admin's log) moves with it; tasks and notices
that name the old places are pointed at the new ones. A new database gets the table made here.
Migrating back (to roll back to the release before) returns all of it to core's names.
"""

import django.utils.timezone
from django.db import migrations, models
from django.db.migrations.recorder import MigrationRecorder

OLD_TABLE = "core_notice"
OLD_INDEXES = {
    "outbox_notice_kind_key": "core_notice_kind_5512b9_idx",
    "outbox_notice_status_created": "core_notice_status_d231c9_idx",
}


def take_over_or_create(apps, schema_editor):
    Notice = apps.get_model("outbox", "Notice")
    tables = schema_editor.connection.introspection.table_names()
    if OLD_TABLE not in tables:
        schema_editor.create_model(Notice)
        return
    schema_editor.alter_db_table(Notice, OLD_TABLE, Notice._meta.db_table)
    for index in Notice._meta.indexes:
        old = models.Index(fields=index.fields, name=OLD_INDEXES[index.name])
        schema_editor.rename_index(Notice, old, index)
    Notice.objects.filter(kind="core.admins").update(kind="outbox.admins")
    _point(apps, "core", "outbox")


def give_back(apps, schema_editor):
    Notice = apps.get_model("outbox", "Notice")
    if not MigrationRecorder(schema_editor.connection).migration_qs.filter(app="core").exists():
        schema_editor.delete_model(Notice)  # made here: the release before never had it
        return
    Notice.objects.filter(kind="outbox.admins").update(kind="core.admins")
    for index in Notice._meta.indexes:
        schema_editor.rename_index(Notice, index, models.Index(fields=index.fields, name=OLD_INDEXES[index.name]))
    schema_editor.alter_db_table(Notice, Notice._meta.db_table, OLD_TABLE)
    _point(apps, "outbox", "core")


def _point(apps, old: str, new: str) -> None:
    """The content type and queued tasks, from the names under `old` to those under `new`."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new, model="notice").exists():
        ContentType.objects.filter(app_label=old, model="notice").update(app_label=new)
    tasks = {"core": "core.tasks.deliver", "outbox": "outbox.delivery.deliver"}
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=tasks[old]).update(task_path=tasks[new])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("kind", models.CharField(max_length=40)),
                        (
                            "key",
                            models.CharField(
                                help_text="The ids the notice is about, as its kind reads them.", max_length=100
                            ),
                        ),
                        (
                            "data",
                            models.JSONField(
                                blank=True,
                                default=dict,
                                help_text="What its kind needs that the database may not keep.",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting to be sent"),
                                    ("sending", "Being sent"),
                                    ("sent", "Sent"),
                                    ("skipped", "Not needed (nothing new to say when its turn came)"),
                                    ("failed", "Failed: gave up"),
                                ],
                                default="pending",
                                max_length=10,
                            ),
                        ),
                        (
                            "summary",
                            models.CharField(
                                blank=True, help_text="What it said, e.g. the RSVP's state.", max_length=100
                            ),
                        ),
                        ("recipient", models.CharField(blank=True, max_length=254)),
                        ("subject", models.CharField(blank=True, max_length=300)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        (
                            "next_try_at",
                            models.DateTimeField(help_text="When its task should run; long past, the task is lost."),
                        ),
                        (
                            "claimed_at",
                            models.DateTimeField(blank=True, help_text="When a worker took it to send.", null=True),
                        ),
                        ("last_error", models.TextField(blank=True)),
                        ("created", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ("give_up_at", models.DateTimeField(help_text="Retries stop after this.")),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                    ],
                    options={
                        "ordering": ["-created", "-pk"],
                        "indexes": [
                            models.Index(fields=["kind", "key", "status"], name="outbox_notice_kind_key"),
                            models.Index(fields=["status", "created"], name="outbox_notice_status_created"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_or_create, give_back),
    ]
