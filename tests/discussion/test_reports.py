"""Members report comments to the moderators: once each, never their own."""

import pytest
from django.urls import reverse

from discussion import services
from discussion.models import Report

pytestmark = pytest.mark.django_db


def test_members_report_once_per_comment_and_not_their_own(client, fact, member, other_member):
    comment = services.post_comment(author=other_member, target=fact, text="Buy cheap DVDs")
    client.force_login(member)
    url = reverse("discussion:report", args=[comment.pk])
    first = client.post(url, {"reason": "spam"}, follow=True)
    second = client.post(url, {"reason": "abuse"}, follow=True)
    assert "A moderator will look at it" in first.content.decode()
    assert "already reported" in second.content.decode()
    assert Report.objects.filter(comment=comment).count() == 1

    own = services.post_comment(author=member, target=fact, text="Mine")
    response = client.post(reverse("discussion:report", args=[own.pk]), {"reason": "spam"}, follow=True)
    assert "cannot report your own" in response.content.decode()
    assert not Report.objects.filter(comment=own).exists()


def test_the_report_page_shows_the_comment_and_the_reasons(client, fact, member, other_member):
    comment = services.post_comment(author=other_member, target=fact, text="Buy cheap DVDs")
    client.force_login(member)
    response = client.get(reverse("discussion:report", args=[comment.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Buy cheap DVDs" in html and "Spam or advertising" in html
    assert client.post(reverse("discussion:report", args=[comment.pk]), {"reason": "nonsense"}).status_code == 400
    assert not Report.objects.exists()


def test_the_report_page_sends_an_author_back(client, fact, member):
    own = services.post_comment(author=member, target=fact, text="Mine")
    client.force_login(member)
    response = client.get(reverse("discussion:report", args=[own.pk]), follow=True)
    assert "cannot report your own" in response.content.decode()
