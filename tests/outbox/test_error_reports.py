"""Server errors' reports keep no secrets where curators read them: the report hides credentials, POST data and
cookies; only superusers see it; it is deleted once sent (or after 30 days) and never backed up."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from outbox.log import AdminNoticeHandler
from outbox.models import ErrorReport, Notice
from tests.conftest import log_in_with_two_factor

pytestmark = pytest.mark.django_db

SECRETS = {
    "EMAIL_URL": "smtp://club:relay-hunter2@mail.example:587/?tls=True",
    "REDIS_URL": "redis://:cache-hunter2@cache.example:6379/0",
    "SENTRY_DSN": "https://dsn-hunter2@o1.ingest.example/1",
    "SOME_API_TOKEN": "token-hunter2",
}


@pytest.fixture
def reporting(settings):
    settings.ADMINS = [("Webmaster", "webmaster@example.org")]
    settings.DEBUG = False
    for name, value in SECRETS.items():
        setattr(settings, name, value)


def fail_while_closing(**kwargs):
    api_token = "frame-hunter2"  # noqa: F841 (a local value the traceback would show)
    raise RuntimeError("the disk is full")


def test_a_server_errors_report_hides_credentials_post_data_and_cookies(reporting, member, monkeypatch):
    monkeypatch.setattr("members.services.close_account", fail_while_closing)
    client = Client(raise_request_exception=False)
    client.force_login(member)
    client.cookies["theme"] = "cookie-hunter2"
    response = client.post(reverse("members:close"), {"password": "squirrel-1941", "note": "post-hunter2"})
    assert response.status_code == 500

    report = ErrorReport.objects.get()
    assert "RuntimeError" in report.message and "the disk is full" in report.message
    assert "mail.example" in report.message and "cache.example" in report.message  # still says where
    for secret in ["relay-hunter2", "cache-hunter2", "dsn-hunter2", "token-hunter2", "frame-hunter2"]:
        assert secret not in report.message, secret
    for posted in ["squirrel-1941", "post-hunter2", "cookie-hunter2", client.cookies["sessionid"].value]:
        assert posted not in report.message, posted
    assert not Notice.objects.filter(data__icontains="hunter2").exists()


@pytest.mark.parametrize(
    "url",
    [
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_change_password"),
        reverse("account_set_password"),
        reverse("account_reauthenticate"),
        reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "x"}),
        reverse("mfa_authenticate"),
        reverse("mfa_reauthenticate"),
        reverse("members:close"),
    ],
)
def test_every_view_that_takes_a_password_or_a_code_marks_it_sensitive(client, member, url):
    if not url.startswith((reverse("account_login"), reverse("account_signup"))):
        client.force_login(member)
    response = client.post(url, {"password": "squirrel-1941", "code": "123456"})
    assert getattr(response.wsgi_request, "sensitive_post_parameters", None), url


def report(subject="Internal Server Error: /facts/") -> None:
    AdminNoticeHandler().send_mail(subject, "Traceback: the disk is full")


def test_only_superusers_see_reports(reporting, curator, admin_user):
    curator_client, admin_client = Client(), Client()
    log_in_with_two_factor(curator_client, curator)
    log_in_with_two_factor(admin_client, admin_user)
    report()
    notices = curator_client.get(reverse("admin:outbox_notice_changelist"))
    assert notices.status_code == 200 and "outbox.admins" not in notices.content.decode()
    assert curator_client.get(reverse("admin:outbox_errorreport_changelist")).status_code == 403
    page = admin_client.get(reverse("admin:outbox_errorreport_changelist"))
    assert "Internal Server Error: /facts/" in page.content.decode()


def test_a_report_is_deleted_once_it_is_sent(reporting, mailoutbox, run_worker):
    report()
    run_worker()
    assert [m.body for m in mailoutbox] == ["Traceback: the disk is full"]
    assert not ErrorReport.objects.exists() and not Notice.objects.exists()


def test_with_no_admins_to_read_it_no_report_is_kept(settings):
    settings.ADMINS = []
    report()
    assert not ErrorReport.objects.exists() and not Notice.objects.exists()


def test_a_report_that_never_went_is_deleted_after_30_days(reporting):
    report()
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        call_command("requeue_notices")
    assert not ErrorReport.objects.exists() and not Notice.objects.filter(kind="outbox.admins").exists()
