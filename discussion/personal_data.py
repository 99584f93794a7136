"""A member's part of the discussion, for "Download my data" and "Delete my account" (see core.personal_data)."""

from core import personal_data
from core.links import absolute_url
from discussion.models import Comment, CommentStatus, Follow, Report

# What each section holds and for how long, for the privacy page (core.personal_data).
COMMENTS = "Your comments and replies, when you wrote and edited them, and the threads you follow."
COMMENTS_KEPT = (
    "Until you delete a comment, or your account: then its words go and “Comment removed” keeps its place, so "
    "that the replies still make sense. A moderator may hide a comment sooner."
)
REPORTS = "The comments you reported to the moderators, with your reason and note."
REPORTS_KEPT = "Kept for the moderators; deleting your account blanks your notes."


def comments(member) -> list[dict]:
    comments = Comment.objects.filter(author=member).with_target().order_by("created", "pk")
    visible = set(comments.on_visible_targets().values_list("pk", flat=True))
    return [
        {
            "on": str(comment.target) if comment.pk in visible else "a page that is no longer published",
            "url": absolute_url(comment.get_absolute_url()) if comment.pk in visible else None,
            "text": comment.text,
            "spoiler": comment.spoiler,
            "status": comment.status,
            "reply_to": comment.parent_id,
            "id": comment.pk,
            "created": comment.created,
            "edited": comment.edited_at,
        }
        for comment in comments
    ]


def reports(member) -> list[dict]:
    return [
        {"comment": report.comment_id, "reason": report.reason, "note": report.note, "created": report.created}
        for report in Report.objects.filter(reporter=member).order_by("created")
    ]


def erase(member) -> None:
    """Take a leaving member's words out: their comments stay in threads as removed, with no text."""
    theirs = Comment.objects.filter(author=member)
    theirs.filter(status=CommentStatus.PUBLISHED).update(status=CommentStatus.DELETED)
    theirs.update(text="", spoiler=False)
    personal_data.rename_in_admin_log(Comment, theirs.values_list("pk", flat=True), "Comment by a former member")
    Report.objects.filter(reporter=member).update(note="")
    Follow.objects.filter(member=member).delete()
