"""Notices outlast passing faults: a locked database while composing is tried again; a relay that refuses the
club's login or sender (a rotated password) keeps every notice waiting and tells the admins."""

import io
import logging
import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from core import mail
from outbox import kinds
from outbox.models import Notice, NoticeStatus
from screenings import services as screenings

pytestmark = pytest.mark.django_db


def test_a_locked_database_while_composing_is_tried_again(screening, member, run_worker, monkeypatch, mailoutbox):
    compose = kinds.compose
    faults = ["database is locked"]

    def locked_once(notice):
        if faults:
            raise OperationalError(faults.pop())
        return compose(notice)

    monkeypatch.setattr(kinds, "compose", locked_once)
    screenings.rsvp(member=member, screening=screening)
    run_worker()
    notice = Notice.objects.get()
    assert (notice.status, notice.attempts) == (NoticeStatus.PENDING, 1)
    assert "database is locked" in notice.last_error
    run_worker(later=timedelta(minutes=5))
    assert [m.subject for m in mailoutbox] == ["You're going: Autumn screening"]


@pytest.mark.parametrize(
    "refusal",
    [
        smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid"),
        smtplib.SMTPSenderRefused(550, b"5.7.1 Sender address rejected", "club@localhost"),
    ],
)
def test_a_relay_that_refuses_the_club_keeps_every_notice_waiting_and_tells_the_admins(
    refusal, make_screening, member, run_worker, monkeypatch, mailoutbox, caplog
):
    screening = make_screening(title="Winter screening", starts_at=timezone.now() + timedelta(days=5))
    send = mail.send

    def refuse(messages):
        raise refusal

    monkeypatch.setattr(mail, "send", refuse)
    screenings.rsvp(member=member, screening=screening)
    with caplog.at_level(logging.ERROR, logger="outbox.delivery"):
        run_worker()
    assert "The mail relay refused the club" in caplog.text and "EMAIL_URL" in caplog.text
    health = Client().get("/healthz")
    assert health.status_code == 503 and "mail" in health.content.decode().splitlines()[0]
    assert "1 notice(s) wait" in health.content.decode()

    run_worker(later=timedelta(hours=30))  # past the give-up time: refused by the relay, it still waits
    notice = Notice.objects.get()
    assert notice.status == NoticeStatus.PENDING and notice.attempts >= 2

    monkeypatch.setattr(mail, "send", send)  # the password is put right
    run_worker(later=timedelta(hours=31))
    assert [m.subject for m in mailoutbox] == ["You're going: Winter screening"]
    assert Client().get("/healthz").status_code == 200


def test_requeueing_while_no_worker_runs_adds_no_task(screening, member):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    screenings.rsvp(member=member, screening=screening)
    for minutes in (15, 30, 45, 60):
        with time_machine.travel(timezone.now() + timedelta(minutes=minutes)):
            call_command("requeue_notices", stdout=io.StringIO())
    assert DBTaskResult.objects.filter(status="READY").count() == 1
