"""A member's part of the discussion, for "Download my data" and "Delete my account" (see core.personal_data)."""

from django.db import transaction

from core.links import absolute_url
from discussion.models import Comment, CommentStatus, Follow, Report


def comments(member) -> list[dict]:
    return [
        {
            "on": str(comment.target),
            "url": absolute_url(comment.get_absolute_url()),
            "text": comment.text,
            "spoiler": comment.spoiler,
            "status": comment.status,
            "reply_to": comment.parent_id,
            "id": comment.pk,
            "created": comment.created,
            "edited": comment.edited_at,
        }
        for comment in Comment.objects.filter(author=member).with_target().order_by("created", "pk")
    ]


def reports(member) -> list[dict]:
    return [
        {"comment": report.comment_id, "reason": report.reason, "note": report.note, "created": report.created}
        for report in Report.objects.filter(reporter=member).order_by("created")
    ]


@transaction.atomic
def erase(member) -> None:
    """Take a leaving member's words out: their comments stay in threads as removed, with no text."""
    Comment.objects.filter(author=member, status=CommentStatus.PUBLISHED).update(status=CommentStatus.DELETED)
    Comment.objects.filter(author=member).update(text="", spoiler=False)
    Report.objects.filter(reporter=member).update(note="")
    Follow.objects.filter(member=member).delete()
