"""`forget_ended_sessions`, daily from cron: the Sessions page's records (an address, a browser) of sessions that
ended, or began longer ago than a session lasts, are deleted, as the privacy page says; live ones stay."""

from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_records_of_ended_or_old_sessions_are_forgotten_and_live_ones_kept(client, member, settings):
    client.post(reverse("account_login"), {"login": "veronika", "password": "squirrel-1941"})
    live = UserSession.objects.get(user=member)
    UserSession.objects.create(user=member, ip="203.0.113.9", user_agent="Firefox", session_key="k" * 32)
    long_ago = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    UserSession.objects.create(
        user=member, ip="203.0.113.10", user_agent="Safari", session_key=live.session_key[::-1], created_at=long_ago
    )

    call_command("forget_ended_sessions")

    assert list(UserSession.objects.values_list("pk", flat=True)) == [live.pk]
    assert client.get(reverse("usersessions_list")).status_code == 200  # still logged in
