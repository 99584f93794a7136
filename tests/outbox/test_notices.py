"""Every email is a notice delivered by the task worker: no request waits for the mail relay, none is lost,
none goes twice, and what it says is what is true when it goes."""

import os
import socket
import subprocess
import sys
from datetime import timedelta
from email import message_from_string
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from discussion import services as discussion
from outbox import delivery
from outbox.models import Notice, NoticeStatus
from screenings import services as screenings
from screenings.models import Rsvp, RsvpStatus

pytestmark = pytest.mark.django_db


class Inbox:
    """An SMTP server's handler that keeps what it receives."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"

    def subjects(self) -> list[tuple[str, str]]:
        def subject(body: str) -> str:
            return str(make_header(decode_header(message_from_string(body)["Subject"])))

        return sorted((to[0], subject(body)) for to, body in self.received)


def confirm_all(members) -> None:
    EmailAddress.objects.bulk_create(EmailAddress(user=m, email=m.email, verified=True, primary=True) for m in members)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def relay(settings):
    """SMTP on a loopback port that is closed until the test starts a real server on it."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    yield server, inbox
    if getattr(server, "_thread", None):
        server.stop()


def test_with_the_relay_down_members_get_answers_and_every_notice_arrives_once_when_it_is_back(
    client, relay, screening, fact, member, other_member, make_member, seasoned, run_worker
):
    server, inbox = relay
    seasoned(member, other_member)
    thread = discussion.post_comment(author=other_member, target=fact, text="Was it Best Actress?")
    leaver = make_member()
    client.force_login(leaver)
    assert client.post(reverse("screenings:rsvp", args=[screening.slug])).status_code == 302

    client.force_login(member)
    assert client.post(reverse("screenings:rsvp", args=[screening.slug])).status_code == 302
    client.force_login(leaver)
    assert client.post(reverse("screenings:cancel", args=[screening.slug])).status_code == 302
    client.force_login(member)
    reply = {"text": "A special mention.", "parent": thread.pk}
    assert client.post(reverse("discussion:post", args=["fact", fact.slug]), reply).status_code == 302
    client.logout()
    assert client.post(reverse("account_reset_password"), {"email": other_member.email}).status_code == 302

    run_worker()  # the relay is down: every notice is put back for later
    assert inbox.received == []
    assert Notice.objects.pending().filter(attempts=1).count() == 4

    server.start()
    run_worker(later=timedelta(minutes=10))
    run_worker(later=timedelta(hours=1))
    assert inbox.subjects() == sorted(
        [
            (member.email, "You're going: Autumn screening"),
            (leaver.email, "Your RSVP is cancelled: Autumn screening"),
            (other_member.email, "New reply on “Palme d’Or Winner”"),
            (other_member.email, "Cranes Club: Reset your password"),
        ]
    )
    assert set(Notice.objects.values_list("status", flat=True)) == {NoticeStatus.SENT}


def test_retries_back_off_from_under_a_minute_to_half_an_hour():
    waits = [delivery.backoff(attempt) for attempt in range(1, 100)]
    assert waits[0] <= timedelta(minutes=1)
    assert waits == sorted(waits) and waits[-1] == timedelta(minutes=30)


def test_a_notice_gives_up_after_a_day_is_listed_for_curators_and_can_be_sent_again(
    screening, member, relay, run_worker, admin_client
):
    server, inbox = relay
    screenings.rsvp(member=member, screening=screening)
    notice = Notice.objects.get()
    later = timedelta(minutes=2)
    while notice.status == NoticeStatus.PENDING and later < timedelta(hours=30):
        run_worker(later=later)
        notice.refresh_from_db()
        later += timedelta(minutes=31)
    assert notice.status == NoticeStatus.FAILED and "ConnectionRefusedError" in notice.last_error
    assert later > timedelta(hours=24) and notice.attempts > 10

    changelist = admin_client.get(reverse("admin:outbox_notice_changelist"), {"status__exact": "failed"})
    assert member.email in changelist.content.decode()
    server.start()
    admin_client.post(
        reverse("admin:outbox_notice_changelist"), {"action": "send_again", "_selected_action": [notice.pk]}
    )
    run_worker()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT
    assert [to for to, _ in inbox.received] == [[member.email]]


def test_a_notice_is_never_sent_twice_because_a_retry_followed_a_success(screening, member, mailoutbox, run_worker):
    screenings.rsvp(member=member, screening=screening)
    notice = Notice.objects.get()
    run_worker()
    assert delivery.deliver.call(notice.pk, 0) == "not pending"
    assert delivery.deliver.call(notice.pk, 1) == "not pending"
    assert len(mailoutbox) == 1


def test_an_rsvp_and_a_cancel_within_a_minute_send_one_notice_of_the_final_state(
    screening, member, mailoutbox, run_worker
):
    for _ in range(15):
        screenings.rsvp(member=member, screening=screening)
        screenings.cancel_rsvp(member=member, screening=screening)
    screenings.rsvp(member=member, screening=screening)
    run_worker()
    assert [m.subject for m in mailoutbox] == ["You're going: Autumn screening"]
    screenings.cancel_rsvp(member=member, screening=screening)
    run_worker()
    assert [m.subject for m in mailoutbox][1:] == ["Your RSVP is cancelled: Autumn screening"]


def test_a_notice_tells_what_is_true_when_it_goes(screening, member, make_member, mailoutbox, run_worker):
    waiting = make_member()
    screening.capacity = 1
    screening.save()
    screenings.rsvp(member=member, screening=screening)
    screenings.rsvp(member=waiting, screening=screening)
    screenings.cancel_rsvp(member=member, screening=screening)  # the waiting member is offered it within the minute
    run_worker()
    assert ("A seat is yours to claim: Autumn screening", [waiting.email]) in [(m.subject, m.to) for m in mailoutbox]
    assert not any("waitlist" in m.subject for m in mailoutbox)


def test_cancelling_a_screening_takes_as_many_queries_for_500_rsvps_as_for_5_and_the_worker_sends_500_emails(
    make_screening, django_user_model, mailoutbox, run_worker
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cancel_with(rsvps: int) -> int:
        screening = make_screening(capacity=600)
        members = django_user_model.objects.bulk_create(
            django_user_model(username=f"m{screening.pk}-{n}", email=f"m{screening.pk}-{n}@example.org")
            for n in range(rsvps)
        )
        Rsvp.objects.bulk_create(Rsvp(member=m, screening=screening, status=RsvpStatus.GOING) for m in members)
        confirm_all(members)
        with CaptureQueriesContext(connection) as queries:
            assert screenings.cancel_screening(screening=screening) == rsvps
        return len(queries)

    assert cancel_with(5) == cancel_with(500) <= 12
    run_worker()
    assert len(mailoutbox) == 505


def test_a_crash_before_the_worker_runs_loses_nothing(screening, member, mailoutbox, run_worker):
    screenings.rsvp(member=member, screening=screening)
    # The request has answered; the process that would have sent the email is gone. The row is not.
    assert Notice.objects.pending().count() == 1
    run_worker()
    assert len(mailoutbox) == 1


def test_health_fails_when_the_queue_waits_too_long(client, screening, member, time_machine):
    screenings.rsvp(member=member, screening=screening)
    response = client.get("/healthz")
    assert response.status_code == 200 and b"queue: nothing waiting" in response.content
    time_machine.move_to(timezone.now() + timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content.startswith(b"unavailable: queue\nqueue: oldest task waiting")


def test_curators_see_pending_notices(curator_client, screening, member):
    screenings.rsvp(member=member, screening=screening)
    changelist = curator_client.get(reverse("admin:outbox_notice_changelist"), {"status__exact": "pending"})
    assert "screenings.rsvp" in changelist.content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_share_the_queue_and_send_each_notice_once(make_screening, django_user_model, relay):
    from django.db import connection

    server, inbox = relay
    server.start()
    screening = make_screening(capacity=600)
    members = django_user_model.objects.bulk_create(
        django_user_model(username=f"m{n}", email=f"m{n}@example.org") for n in range(60)
    )
    Rsvp.objects.bulk_create(Rsvp(member=m, screening=screening, status=RsvpStatus.GOING) for m in members)
    confirm_all(members)
    screenings.cancel_screening(screening=screening)

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{db['NAME']}"
    else:
        database_url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        DJANGO_SECRET_KEY="worker-test-key",
        DATABASE_URL=database_url,
        EMAIL_URL=f"smtp://127.0.0.1:{server.port}",
        SITE_URL="https://cranes.example",
    )
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--interval", "0.1"]
    root = Path(__file__).resolve().parents[2]
    workers = [subprocess.Popen(command, cwd=root, env=env) for _ in range(2)]  # noqa: S603
    for worker in workers:
        assert worker.wait(timeout=120) == 0

    assert sorted(to[0] for to, _ in inbox.received) == sorted(m.email for m in members)
    assert Notice.objects.filter(kind="screenings.cancelled", status=NoticeStatus.SENT).count() == 60


def test_a_change_made_while_a_notice_is_being_sent_gets_a_notice_of_its_own(
    screening, member, mailoutbox, run_worker, monkeypatch
):
    from core import mail

    screenings.rsvp(member=member, screening=screening)
    send = mail.send

    def send_and_change_mind(messages):
        monkeypatch.setattr(mail, "send", send)
        screenings.cancel_rsvp(member=member, screening=screening)  # while the relay is busy with the first
        return send(messages)

    monkeypatch.setattr(mail, "send", send_and_change_mind)
    run_worker()
    run_worker(later=timedelta(minutes=5))
    assert [m.subject for m in mailoutbox] == [
        "You're going: Autumn screening",
        "Your RSVP is cancelled: Autumn screening",
    ]


def test_a_notice_held_by_a_worker_that_died_is_sent_once_after_the_requeue(
    client, screening, member, mailoutbox, run_worker, time_machine
):
    screenings.rsvp(member=member, screening=screening)
    notice = Notice.objects.get()
    Notice.objects.filter(pk=notice.pk).update(status=NoticeStatus.SENDING, claimed_at=timezone.now())
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.update(status="RUNNING")  # the worker was killed with it in hand
    time_machine.move_to(timezone.now() + timedelta(minutes=20))
    assert client.get("/healthz").status_code == 503
    call_command("requeue_notices", verbosity=0)
    run_worker()
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert client.get("/healthz").status_code == 200


def test_an_error_that_is_not_the_relays_marks_the_notice_failed_for_curators(
    screening, member, run_worker, monkeypatch
):
    from core import mail

    def broken(messages):
        raise ValueError("Header values may not contain linefeed")

    screenings.rsvp(member=member, screening=screening)
    monkeypatch.setattr(mail, "send", broken)
    run_worker()
    notice = Notice.objects.get()
    assert notice.status == NoticeStatus.FAILED and "linefeed" in notice.last_error


def test_an_announcement_that_fails_is_kept_to_be_sent_again(screening, member, run_worker, monkeypatch, mailoutbox):
    from outbox import kinds as registry

    screenings.rsvp(member=member, screening=screening)
    run_worker()
    real = registry._kinds["screenings.cancelled"]

    def broken(*args):
        raise RuntimeError("database went away")

    monkeypatch.setitem(registry._kinds, "screenings.cancelled", registry.Kind(real.compose, broken, latest_only=True))
    screenings.cancel_screening(screening=screening)
    run_worker()
    announcement = Notice.objects.get(kind="announce:screenings.cancelled")
    assert announcement.status == NoticeStatus.FAILED
    monkeypatch.setitem(registry._kinds, "screenings.cancelled", real)
    assert delivery.resend(announcement)
    run_worker()
    assert [m.subject for m in mailoutbox][-1] == "Cancelled: Autumn screening"


def test_a_relay_that_refuses_for_good_is_not_asked_again_for_a_day(screening, member, run_worker, monkeypatch):
    import smtplib

    from core import mail

    def refuse(messages):
        raise smtplib.SMTPRecipientsRefused({member.email: (550, b"No such user")})

    screenings.rsvp(member=member, screening=screening)
    monkeypatch.setattr(mail, "send", refuse)
    run_worker()
    notice = Notice.objects.get()
    assert (notice.status, notice.attempts) == (NoticeStatus.FAILED, 1)


def test_an_older_notice_about_the_same_rsvp_gives_way_to_the_newer(screening, member, mailoutbox, run_worker):
    screenings.rsvp(member=member, screening=screening)
    older = Notice.objects.get()
    Notice.objects.filter(pk=older.pk).update(attempts=1)  # as after a failed try: no longer collapsible
    screenings.cancel_rsvp(member=member, screening=screening)
    run_worker(later=timedelta(hours=1))
    assert [m.subject for m in mailoutbox] == ["Your RSVP is cancelled: Autumn screening"]


def test_a_reminder_never_arrives_after_the_screening_started(make_screening, member, mailoutbox, run_worker):
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=1))
    screenings.rsvp(member=member, screening=screening)
    screenings.queue_reminders()
    run_worker(later=timedelta(hours=2))
    assert not any(m.subject.startswith("Tomorrow") for m in mailoutbox)


def test_twenty_password_resets_send_one_email(client, member, mailoutbox, run_worker, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "100/m/ip,100/m/key"}
    for _ in range(20):
        client.post(reverse("account_reset_password"), {"email": member.email})
    run_worker()
    assert len(mailoutbox) == 1


def test_error_reports_to_admins_are_notices_too(settings, mailoutbox, run_worker):
    from outbox.log import AdminNoticeHandler

    settings.ADMINS = [("Webmaster", "webmaster@example.org")]
    AdminNoticeHandler().send_mail("Server error", "Traceback ...")
    assert mailoutbox == []
    run_worker()
    assert [(m.to, m.body) for m in mailoutbox] == [(["webmaster@example.org"], "Traceback ...")]


def test_error_reports_come_once_a_subject_and_at_most_twenty_an_hour(settings, mailoutbox, run_worker):
    from outbox.log import REPORTS_AN_HOUR, AdminNoticeHandler

    settings.ADMINS = [("Webmaster", "webmaster@example.org")]
    for _ in range(3):
        AdminNoticeHandler().send_mail("Server error: /facts/", "Traceback ...")
    for number in range(40):
        AdminNoticeHandler().send_mail(f"Server error: /facts/?page={number}", "Traceback ...")
    run_worker()
    subjects = [m.subject for m in mailoutbox]
    assert len(subjects) == REPORTS_AN_HOUR == 20
    assert subjects.count(settings.EMAIL_SUBJECT_PREFIX + "Server error: /facts/") == 1


def test_a_request_for_another_host_is_logged_but_mails_nobody(client, settings, mailoutbox, run_worker, caplog):
    settings.ADMINS = [("Webmaster", "webmaster@example.org")]
    settings.DEBUG = False
    for number in range(5):
        assert client.get("/facts/", headers={"host": f"evil{number}.example"}).status_code == 400
    run_worker()
    assert mailoutbox == []
    assert "Invalid HTTP_HOST header" in caplog.text


def test_club_mail_goes_only_to_an_address_its_own_member_confirmed(
    screening, member, make_member, mailoutbox, run_worker
):
    # An admin typed another member's confirmed address into this account; its owner never confirmed it.
    other = make_member(username="olga")
    EmailAddress.objects.filter(user=other).delete()
    other.email = member.email
    other.save()

    screenings.rsvp(member=other, screening=screening)
    run_worker()

    assert mailoutbox == []
    assert Notice.objects.get(kind="screenings.rsvp").status == NoticeStatus.SKIPPED
