"""Every write to the discussion goes through here: posting, editing, deleting, reporting, moderating."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core import moderation
from discussion.models import EDIT_WINDOW_NOTE, Comment, CommentStatus, Follow, Report
from discussion.targets import kind_of
from outbox.delivery import announce

# Each member may post RATE_LIMIT comments per RATE_WINDOW; accounts younger than a day fewer.
RATE_WINDOW = timedelta(minutes=10)
REPLY_SETTLE = timedelta(minutes=1)
RATE_LIMIT = 5
NEW_ACCOUNT_AGE = timedelta(days=1)
NEW_ACCOUNT_RATE_LIMIT = 2


OWN_COMMENT_NOTE = "You cannot report your own comment; you can edit or delete it instead."


class CommentRefused(Exception):
    """A comment that cannot be taken; the message is for the member."""


def rate_limit_for(member, now) -> int:
    return NEW_ACCOUNT_RATE_LIMIT if now - member.date_joined < NEW_ACCOUNT_AGE else RATE_LIMIT


@transaction.atomic
def post_comment(*, author, target, text: str, spoiler: bool = False, parent: Comment | None = None) -> Comment:
    now = timezone.now()
    # Lock the member's row so two quick posts are counted one after the other.
    get_user_model().objects.select_for_update().filter(pk=author.pk).first()
    limit = rate_limit_for(author, now)
    if Comment.objects.filter(author=author, created__gte=now - RATE_WINDOW).count() >= limit:
        minutes = int(RATE_WINDOW.total_seconds() // 60)
        raise CommentRefused(
            f"You have posted {limit} comments in the last {minutes} minutes. Please wait a few minutes and try again."
        )

    target_field = kind_of(target)
    if parent is not None:
        parent = parent.parent or parent  # one level of replies: answer the thread
        if getattr(parent, f"{target_field}_id") != target.pk:
            raise CommentRefused("That reply belongs to another discussion.")
        if parent.is_removed:
            raise CommentRefused("That comment has been removed, so it cannot be answered.")

    comment = Comment.objects.create(
        author=author, text=text, spoiler=spoiler, parent=parent, created=now, **{target_field: target}
    )
    thread = parent or comment
    Follow.objects.get_or_create(member=author, thread=thread)
    if parent is not None:
        # A minute's grace: a reply deleted or hidden at once is never mailed.
        announce("discussion.reply", comment.pk, delay=REPLY_SETTLE)
    return comment


def edit_comment(*, comment: Comment, author, text: str, spoiler: bool) -> Comment:
    if not comment.can_edit(author):
        raise CommentRefused(EDIT_WINDOW_NOTE)
    comment.text, comment.spoiler, comment.edited_at = text, spoiler, timezone.now()
    comment.save(update_fields=["text", "spoiler", "edited_at"])
    return comment


def delete_comment(*, comment: Comment, author) -> None:
    """An author may take back what is published; a moderator's decision stands until a moderator changes it."""
    if comment.author_id != author.pk:
        raise PermissionDenied
    # Conditional, so a moderator hiding the comment meanwhile is never overwritten.
    deleted = Comment.objects.filter(pk=comment.pk, status=CommentStatus.PUBLISHED).update(status=CommentStatus.DELETED)
    if not deleted:
        raise CommentRefused("This comment has already been removed.")
    comment.status = CommentStatus.DELETED


def report_comment(*, comment: Comment, reporter, reason: str, note: str = "") -> bool:
    """Record a report; False when this member has reported the comment before."""
    if comment.author_id == reporter.pk:
        raise CommentRefused(OWN_COMMENT_NOTE)
    _, created = Report.objects.get_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason, "note": note}
    )
    return created


# Moderated as reflections are (core.moderation): what its author deleted stays deleted, as hiding it
# would let a later "restore" publish it again.
hide_comments, restore_comments, dismiss_reports = moderation.hide, moderation.restore, moderation.dismiss


def unfollow(*, follow_id: int) -> bool:
    return Follow.objects.filter(pk=follow_id).delete()[0] > 0
