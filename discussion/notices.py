"""Reply notices: followers of a thread hear of a new reply, composed when the email goes."""

from core import mail
from core.links import absolute_url
from discussion.models import Comment, Follow
from outbox.kinds import Composed, register


def followers(comment_id: int):
    """Everyone who follows the reply's thread, but its author."""
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None or comment.parent_id is None:
        return ()
    follows = Follow.objects.filter(thread=comment.parent_id).exclude(member=comment.author_id).order_by("pk")
    return ((comment_id, follow_id) for follow_id in follows.values_list("pk", flat=True))


def reply(comment_id: int, follow_id: int, *, last: str | None, data: dict) -> Composed | None:
    """Nothing when the reply has since been removed or its fact unpublished, or the member stopped following."""
    comment = Comment.objects.visible().with_target().filter(pk=comment_id).first()
    follow = Follow.objects.select_related("member").filter(pk=follow_id).first()
    if comment is None or follow is None or not follow.member.email or last:
        return None
    unsubscribe = absolute_url(follow.unfollow_url())
    message = mail.message(
        to=follow.member.email,
        subject=f"New reply on “{comment.target}”",
        template="discussion/email/reply.txt",
        context={
            "comment": comment,
            "member": follow.member,
            "url": absolute_url(comment.get_absolute_url()),
            "unsubscribe": unsubscribe,
        },
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
    )
    return Composed("sent", message, follow.member)


def register_kinds() -> None:
    register("discussion.reply", reply, audience=followers)
