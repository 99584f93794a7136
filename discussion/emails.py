from core import mail
from core.links import absolute_url


def reply_posted(comment, follows) -> int:
    """Tell each follower of a thread about a new reply, with a signed link to stop."""
    messages = []
    for follow in follows:
        if not follow.member.email:
            continue
        unsubscribe = absolute_url(follow.unfollow_url())
        context = {
            "comment": comment,
            "member": follow.member,
            "url": absolute_url(comment.get_absolute_url()),
            "unsubscribe": unsubscribe,
        }
        messages.append(
            mail.message(
                to=follow.member.email,
                subject=f"New reply on “{comment.target}”",
                template="discussion/email/reply.txt",
                context=context,
                headers={"List-Unsubscribe": f"<{unsubscribe}>"},
            )
        )
    return mail.send(messages)
