"""Each member's write that others pay for is limited (ACCOUNT_RATE_LIMITS): past the rate, a 429 and nothing done."""

import pytest
from django.urls import reverse

from discussion import services as discussion
from discussion.models import Report

pytestmark = pytest.mark.django_db


def test_guessing_the_password_to_close_an_account_stops_after_five_tries(client, member):
    client.force_login(member)
    url = reverse("members:close")
    answers = [client.post(url, {"password": f"guess-{n}"}).status_code for n in range(5)]
    assert answers == [200] * 5, "each wrong password is a form error"
    assert client.post(url, {"password": "squirrel-1941"}).status_code == 429
    member.refresh_from_db()
    assert member.is_active, "not even the right password gets through past the limit"


def test_profile_saves_are_limited_to_ten_an_hour(client, member):
    client.force_login(member)
    url = reverse("members:edit")
    answers = [client.post(url, {"display_name": f"Veronika {n}"}).status_code for n in range(11)]
    assert answers[:10] == [302] * 10
    assert answers[10] == 429
    member.refresh_from_db()
    assert member.display_name == "Veronika 9"


def test_reports_are_limited_to_ten_an_hour(client, member, make_member, fact):
    comments = [discussion.post_comment(author=make_member(), target=fact, text=f"Take {n}") for n in range(11)]
    client.force_login(member)
    answers = [client.post(reverse("discussion:report", args=[c.pk]), {"reason": "spam"}).status_code for c in comments]
    assert answers[:10] == [302] * 10
    assert answers[10] == 429
    assert Report.objects.count() == 10
