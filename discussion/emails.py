from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string


def reply_posted(comment, follows) -> int:
    """Tell each follower of a thread about a new reply, with a signed link to stop."""
    base = settings.SITE_URL.rstrip("/")
    messages = []
    for follow in follows:
        if not follow.member.email:
            continue
        unsubscribe = base + follow.unfollow_url()
        body = render_to_string(
            "discussion/email/reply.txt",
            {
                "comment": comment,
                "member": follow.member,
                "url": base + comment.get_absolute_url(),
                "unsubscribe": unsubscribe,
            },
        )
        messages.append(
            EmailMessage(
                subject=f"New reply on “{comment.target}”",
                body=body,
                to=[follow.member.email],
                headers={"List-Unsubscribe": f"<{unsubscribe}>"},
            )
        )
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
