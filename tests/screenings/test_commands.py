from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from screenings import services
from screenings.models import Screening

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_screenings_are_upcoming_and_loaded_once():
    assert "4 change(s)" in run("load_demo_screenings")
    assert "0 change(s)" in run("load_demo_screenings")
    assert Screening.objects.upcoming().count() == 3
    assert list(Screening.objects.past().values_list("slug", flat=True)) == ["demo-winter-evening"]


def test_ended_demo_screenings_move_forward_again(time_machine):
    run("load_demo_screenings")
    time_machine.move_to(timezone.now() + timedelta(days=60))
    assert "moved" in run("load_demo_screenings")
    assert Screening.objects.upcoming().count() == 3
    assert Screening.objects.get(slug="demo-winter-evening").ends_at < timezone.now()  # an evening that happened


def test_the_reminder_command_only_queues_and_queues_nothing_new_the_second_time(
    make_screening, member, mailoutbox, run_worker
):
    from outbox.models import Notice

    screening = make_screening(starts_at=timezone.now() + timedelta(hours=20))
    services.rsvp(member=member, screening=screening)
    assert "Queued 1 reminder" in run("send_screening_reminders")
    assert mailoutbox == []
    assert "Queued 0 reminder" in run("send_screening_reminders")
    assert Notice.objects.filter(kind="screenings.reminder").count() == 1
    run_worker()
    assert [m.subject for m in mailoutbox].count(f"Tomorrow: {screening.title}") == 1


def test_the_offer_and_invitation_commands_say_what_they_did(make_screening, member, time_machine):
    time_machine.move_to(timezone.make_aware(datetime(2026, 12, 7, 10, 0)))  # an evening that ends before midnight
    assert "Lapsed 0 offer(s)" in run("expire_offers")
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=member, screening=screening)
    time_machine.move_to(timezone.now() + timedelta(days=1, hours=2))
    assert "Invited the members of 1 evening(s)" in run("send_reflection_invitations")
    assert "Invited the members of 0 evening(s)" in run("send_reflection_invitations")


@pytest.mark.parametrize("procfile", ["Procfile", "Procfile.dev"])
def test_the_worker_passes_on_offers_that_ran_out_before_it_takes_its_first_task(procfile):
    """Offers that ran out while no worker ran are lapsed at its start, not when their check's turn comes."""
    worker = next(line for line in (ROOT / procfile).read_text().splitlines() if line.startswith("worker:"))
    steps = [step.strip() for step in worker.removeprefix("worker:").split("&&")]
    assert "python manage.py expire_offers" in steps
    assert steps.index("python manage.py expire_offers") < next(i for i, s in enumerate(steps) if "db_worker" in s)


def test_the_documented_worker_unit_expires_offers_before_it_starts():
    unit = (ROOT / "docs" / "operations.md").read_text()
    assert unit.index("ExecStartPre=/srv/cranesclub/.venv/bin/python manage.py expire_offers") < unit.index(
        "ExecStart=/srv/cranesclub/.venv/bin/python manage.py db_worker"
    )
