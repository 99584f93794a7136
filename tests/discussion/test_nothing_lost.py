"""Threads stay whole and moderators' decisions stand, whatever else goes."""

import pytest
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from discussion import services
from discussion.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db


def test_a_comment_with_replies_cannot_be_deleted_from_under_them(fact, member, other_member):
    thread = services.post_comment(author=member, target=fact, text="Thread")
    services.post_comment(author=other_member, target=fact, text="Reply", parent=thread)
    with pytest.raises(ProtectedError):
        thread.delete()
    assert Comment.objects.count() == 2


def test_deleting_an_account_that_has_written_is_refused(fact, member, other_member):
    thread = services.post_comment(author=member, target=fact, text="Thread")
    services.post_comment(author=other_member, target=fact, text="Reply", parent=thread)
    with pytest.raises(ProtectedError):
        member.delete()
    assert Comment.objects.filter(text="Reply").exists()


def test_a_discussed_fact_cannot_be_deleted(fact, member):
    services.post_comment(author=member, target=fact, text="Thread")
    with pytest.raises(ProtectedError):
        fact.delete()


def test_an_author_cannot_undo_a_moderators_hiding(client, fact, member):
    comment = services.post_comment(author=member, target=fact, text="Rude words")
    services.hide_comments(Comment.objects.filter(pk=comment.pk))
    client.force_login(member)
    response = client.post(reverse("discussion:delete", args=[comment.pk]), follow=True)
    assert "already been removed" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert services.restore_comments(Comment.objects.filter(pk=comment.pk)) == 1
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_the_latest_talk_and_profiles_leave_out_comments_on_unpublished_facts(fact, make_fact, member):
    hidden = make_fact(title="A draft fact", published=False)
    services.post_comment(author=member, target=fact, text="On a published fact")
    Comment.objects.create(author=member, fact=hidden, text="On a draft")
    for url in (reverse("discussion:latest"), member.get_absolute_url()):
        html = Client().get(url).content.decode()
        assert "On a published fact" in html, url
        assert "On a draft" not in html and "A draft fact" not in html, url


def test_comments_on_an_unpublished_fact_cannot_be_reported_edited_or_read_through_their_pages(
    client, fact, member, other_member
):
    comment = services.post_comment(author=other_member, target=fact, text="Secret plans")
    own = services.post_comment(author=member, target=fact, text="Mine")
    fact.published = False
    fact.save()
    client.force_login(member)
    assert client.get(reverse("discussion:report", args=[comment.pk])).status_code == 404
    assert client.get(reverse("discussion:edit", args=[own.pk])).status_code == 404
    assert client.post(reverse("discussion:post", args=["fact", fact.slug]), {"text": "Hi"}).status_code == 404


def test_comment_counts_leave_out_removed_comments(client, fact, member, other_member):
    services.post_comment(author=member, target=fact, text="One")
    hidden = services.post_comment(author=other_member, target=fact, text="Two")
    services.hide_comments(Comment.objects.filter(pk=hidden.pk))
    assert "1 comment<" in Client().get(reverse("facts:list")).content.decode()


def test_what_an_author_deleted_a_moderator_cannot_publish_again(fact, member):
    comment = services.post_comment(author=member, target=fact, text="I regret writing this")
    services.delete_comment(comment=comment, author=member)
    services.hide_comments(Comment.objects.filter(pk=comment.pk))
    services.restore_comments(Comment.objects.filter(pk=comment.pk))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.DELETED
    assert "I regret writing this" not in Client().get(fact.get_absolute_url()).content.decode()
