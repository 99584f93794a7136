"""A database from before the outbox was an app keeps its notices, its curators' rights and its queued tasks."""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox import delivery
from outbox.models import ErrorReport, Notice

pytestmark = pytest.mark.django_db(transaction=True)

initial = import_module("outbox.migrations.0001_initial")


def as_before_the_move() -> None:
    """The notices table and its content type as core kept them, and no outbox migration applied."""
    with connection.schema_editor() as editor:
        editor.delete_model(ErrorReport)  # made by a later outbox migration
        for index in Notice._meta.indexes:
            editor.rename_index(Notice, index, models.Index(fields=index.fields, name=initial.OLD_INDEXES[index.name]))
        editor.alter_db_table(Notice, Notice._meta.db_table, initial.OLD_TABLE)
    ContentType.objects.filter(app_label="outbox", model="notice").update(app_label="core")
    ContentType.objects.clear_cache()
    MigrationRecorder(connection).migration_qs.filter(app="outbox").delete()


def test_the_notices_table_keeps_its_rows_rights_and_tasks_through_the_move():
    now = timezone.now()
    sent = Notice.objects.create(
        kind="screenings.rsvp", key="7", recipient="olga@example.org", next_try_at=now, give_up_at=now
    )
    report = Notice.objects.create(
        kind="core.admins", key="", data={"subject": "x", "message": "y"}, next_try_at=now, give_up_at=now
    )
    task = delivery.deliver.enqueue(report.pk, 0)
    DBTaskResult.objects.filter(pk=task.id).update(task_path="core.tasks.deliver")
    content_type = ContentType.objects.get(app_label="outbox", model="notice")
    as_before_the_move()
    assert initial.OLD_TABLE in connection.introspection.table_names()

    executor = MigrationExecutor(connection)
    executor.migrate([("outbox", "0002_curators_see_notices")])

    tables = connection.introspection.table_names()
    assert "outbox_notice" in tables and initial.OLD_TABLE not in tables
    assert set(Notice.objects.values_list("pk", "recipient")) == {(sent.pk, "olga@example.org"), (report.pk, "")}
    assert Notice.objects.get(pk=report.pk).kind == "outbox.admins"
    with connection.cursor() as cursor:
        indexes = set(connection.introspection.get_constraints(cursor, "outbox_notice"))
    assert {"outbox_notice_kind_key", "outbox_notice_status_created"} <= indexes
    moved = ContentType.objects.get(app_label="outbox", model="notice")
    assert moved.pk == content_type.pk, "permissions and the admin's log keep pointing at it"
    assert Group.objects.get(name="Curators").permissions.filter(content_type=moved, codename="view_notice").exists()
    assert DBTaskResult.objects.get(pk=task.id).task_path == "outbox.delivery.deliver"

    # Then error reports get a table of their own, and the reports notices kept (secrets and all) are deleted.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("outbox"))
    assert set(Notice.objects.values_list("pk", flat=True)) == {sent.pk}
    assert "outbox_errorreport" in connection.introspection.table_names()


def test_migrating_back_returns_the_notices_to_cores_table_for_the_release_before():
    now = timezone.now()
    notice = Notice.objects.create(kind="screenings.rsvp", key="7", next_try_at=now, give_up_at=now)
    MigrationRecorder(connection).record_applied("core", "0001_notices")  # as a database from before has it

    executor = MigrationExecutor(connection)
    executor.migrate([("outbox", None)])

    with connection.cursor() as cursor:
        cursor.execute("SELECT id, kind FROM core_notice")
        assert cursor.fetchall() == [(notice.pk, "screenings.rsvp")]
    assert ContentType.objects.filter(app_label="core", model="notice").exists()
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("outbox"))
    assert Notice.objects.filter(pk=notice.pk).exists()
    MigrationRecorder(connection).migration_qs.filter(app="core").delete()
