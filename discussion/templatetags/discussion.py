"""Discussion on the pages of the things it discusses: {% discussion fact %}, {% count_comments page %}."""

import hashlib

from django import template
from django.db.models import Count
from django.middleware.csrf import get_token
from django.template.loader import get_template

import pagecache
from discussion.forms import CommentForm, ReplyForm
from discussion.models import Comment
from discussion.targets import kind_of
from discussion.threads import editable_ids, thread_page

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion(context, target) -> str:
    """The threads under a fact or screening, with the forms a member needs to take part.

    The first page is kept as a fragment under the content version: one for all visitors, and one for
    each member with their CSRF secret (so the tokens in its forms stay valid). Warm, it costs no query,
    and no cache read in a worker that served it lately. Later pages are rendered each time.
    """
    request = context["request"]
    if request.GET.get("comments", "1") != "1":
        return _thread_html(context, target)
    secret = _csrf_secret(request) if request.user.is_authenticated else ""
    parts = [kind_of(target), target.pk, request.user.pk, secret]
    return pagecache.fragment(request, "thread", parts, lambda: _thread_html(context, target))


def _csrf_secret(request) -> str:
    """A digest of the member's CSRF secret (made now if they have none yet), to key their own fragments."""
    if "CSRF_COOKIE" not in request.META:
        get_token(request)  # only when there is no secret yet: masking a token is a twentieth of a warm page
    return hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest()[:16]


def _thread_html(context, target) -> str:
    request = context["request"]
    page = thread_page(target, request.GET.get("comments"))
    member = request.user.is_authenticated
    forms = [(thread, ReplyForm(parent=thread) if member and not thread.is_removed else None) for thread in page]
    return get_template("discussion/_discussion.html").render(
        {
            "kind": kind_of(target),
            "target": target,
            "threads": page,
            "threads_with_forms": forms,
            "editable_ids": editable_ids(page, request.user),
            "comment_form": CommentForm() if member else None,
        },
        request,
    )


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
