from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from screenings import services
from screenings.models import Screening

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_screenings_are_upcoming_and_loaded_once():
    assert "3 change(s)" in run("load_demo_screenings")
    assert "0 change(s)" in run("load_demo_screenings")
    assert Screening.objects.upcoming().count() == 3


def test_ended_demo_screenings_move_forward_again(time_machine):
    run("load_demo_screenings")
    time_machine.move_to(timezone.now() + timedelta(days=60))
    assert "moved" in run("load_demo_screenings")
    assert Screening.objects.upcoming().count() == 3


def test_reminder_command_sends_once(make_screening, member, mailoutbox, django_capture_on_commit_callbacks):
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=20))
    services.rsvp(member=member, screening=screening)
    with django_capture_on_commit_callbacks(execute=True):
        assert "Sent 1 reminder" in run("send_screening_reminders")
        assert "Sent 0 reminder" in run("send_screening_reminders")
    assert [m.subject for m in mailoutbox] == [f"Tomorrow: {screening.title}"]
