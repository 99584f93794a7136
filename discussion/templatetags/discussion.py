"""Discussion on the pages of the things it discusses: {% discussion fact %}, {% count_comments page %}."""

from django import template
from django.db.models import Count

from discussion.forms import CommentForm, ReplyForm
from discussion.models import Comment
from discussion.targets import kind_of
from discussion.threads import editable_ids, thread_page

register = template.Library()


@register.inclusion_tag("discussion/_discussion.html", takes_context=True)
def discussion(context, target) -> dict:
    """The threads under a fact or screening, with the forms a member needs to take part."""
    request = context["request"]
    page = thread_page(target, request.GET.get("comments"))
    member = request.user.is_authenticated
    return {
        "request": request,
        "user": request.user,
        "kind": kind_of(target),
        "target": target,
        "threads": page,
        "threads_with_forms": [
            (thread, ReplyForm(parent=thread) if member and not thread.is_removed else None) for thread in page
        ],
        "editable_ids": editable_ids(page, request.user),
        "comment_form": CommentForm() if member else None,
    }


@register.simple_tag
def count_comments(targets) -> str:
    """Give each fact or screening in `targets` its `comment_count` (published comments), in one query."""
    targets = list(targets)
    if targets:
        kind = kind_of(targets[0])
        counted = Comment.objects.visible().filter(**{f"{kind}__in": targets}).order_by().values_list(kind)
        counts = dict(counted.annotate(n=Count("pk")))
        for target in targets:
            target.comment_count = counts.get(target.pk, 0)
    return ""


@register.inclusion_tag("discussion/_member_comments.html")
def member_comments(member, count: int = 10) -> dict:
    return {"comments": Comment.objects.visible().filter(author=member).with_target()[:count]}
