import pytest
from django.urls import reverse

from discussion import services
from discussion.models import Comment, CommentStatus, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(fact, member, other_member):
    quiet = services.post_comment(author=member, target=fact, text="A quiet remark")
    rude = services.post_comment(author=other_member, target=fact, text="A rude remark")
    services.report_comment(comment=rude, reporter=member, reason="abuse")
    return quiet, rude


def changelist(client, **params):
    return client.get(reverse("admin:discussion_comment_changelist"), params)


def test_curators_see_reported_comments_first(curator_client, reported):
    quiet, rude = reported
    content = changelist(curator_client).content.decode()
    assert content.index("A rude remark") < content.index("A quiet remark")


@pytest.mark.parametrize(
    "params, shown, hidden",
    [
        ({"reported": "open"}, "A rude remark", "A quiet remark"),
        ({"reported": "none"}, "A quiet remark", "A rude remark"),
        ({"target": "screening"}, None, "A rude remark"),
        ({"status__exact": "hidden"}, None, "A rude remark"),
    ],
)
def test_moderation_filters(curator_client, reported, params, shown, hidden):
    content = changelist(curator_client, **params).content.decode()
    if shown:
        assert shown in content
    assert hidden not in content


def act(client, action, comments):
    return client.post(
        reverse("admin:discussion_comment_changelist"),
        {"action": action, "_selected_action": [c.pk for c in comments]},
    )


def test_hide_restore_and_dismiss(curator_client, client, reported, fact):
    quiet, rude = reported
    act(curator_client, "hide", [rude])
    rude.refresh_from_db()
    assert rude.status == CommentStatus.HIDDEN
    assert not Report.objects.filter(dismissed=False).exists()

    act(curator_client, "restore", [rude])
    rude.refresh_from_db()
    assert rude.status == CommentStatus.PUBLISHED

    services.report_comment(comment=quiet, reporter=rude.author, reason="spam")
    act(curator_client, "dismiss", [quiet])
    assert not Report.objects.filter(comment=quiet, dismissed=False).exists()
    assert Comment.objects.get(pk=quiet.pk).status == CommentStatus.PUBLISHED


def test_restore_does_not_bring_back_what_the_author_deleted(curator_client, reported):
    quiet, _ = reported
    services.delete_comment(comment=quiet, author=quiet.author)
    act(curator_client, "restore", [quiet])
    quiet.refresh_from_db()
    assert quiet.status == CommentStatus.DELETED


def test_members_cannot_moderate(client, member, reported):
    _, rude = reported
    client.force_login(member)
    response = act(client, "hide", [rude])
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    rude.refresh_from_db()
    assert rude.status == CommentStatus.PUBLISHED


def test_curators_cannot_rewrite_what_members_wrote(curator_client, reported):
    _, rude = reported
    curator_client.post(
        reverse("admin:discussion_comment_change", args=[rude.pk]), {"text": "Edited by staff", "status": "published"}
    )
    rude.refresh_from_db()
    assert rude.text == "A rude remark"
