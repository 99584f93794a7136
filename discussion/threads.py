"""The discussion under a fact or screening: a page of threads, each with its replies."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Window
from django.utils import timezone

from discussion.models import Comment

THREADS_PER_PAGE = 20
# Pages past this are surely past the end; the cap keeps the offset within what databases accept.
MAX_PAGE = 100_000


def thread_page(target, number) -> Page:
    """One page of top-level comments, removed ones too so threads stay whole, with their replies.

    The total comes with the page's own rows (a window count), which saves the paginator's COUNT
    query; only a page past the end needs it, to fall back to the last page.
    """
    replies = Prefetch("replies", queryset=Comment.objects.select_related("author").order_by("created", "pk"))
    threads = Comment.objects.on(target).threads().prefetch_related(replies)
    paginator = Paginator(threads, THREADS_PER_PAGE)
    try:
        number = min(max(int(number), 1), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * THREADS_PER_PAGE
    rows = list(threads.annotate(total=Window(Count("pk")))[start : start + THREADS_PER_PAGE])
    if not rows and number > 1:
        return paginator.get_page(number)
    paginator.count = rows[0].total if rows else 0
    return Page(rows, number, paginator)


def editable_ids(page: Page, user) -> set[int]:
    """The comments on this page that `user` may still edit."""
    if not user.is_authenticated:
        return set()
    now = timezone.now()
    comments = (comment for thread in page for comment in (thread, *thread.replies.all()))
    return {comment.pk for comment in comments if comment.can_edit(user, now)}
