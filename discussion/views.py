from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cranesclub.pagecache import cached_for_visitors
from discussion import services
from discussion.forms import CommentForm, EditCommentForm, ReportForm
from discussion.models import EDIT_WINDOW, UNFOLLOW_SALT, Comment
from facts.models import Fact
from screenings.models import Screening

THREADS_PER_PAGE = 20


class CountedPaginator(Paginator):
    """A paginator told its count up front, saving the COUNT query when the caller already knows it."""

    def __init__(self, object_list, per_page, *, count: int | None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.count = count


TARGETS = {
    "fact": lambda slug: get_object_or_404(Fact.objects.published(), slug=slug),
    "screening": lambda slug: get_object_or_404(Screening, slug=slug),
}


def thread_context(request: HttpRequest, target) -> dict:
    """The discussion under a fact or screening: a page of threads with their replies, and the form.

    A target annotated with `thread_count` (see discussion.models.thread_count) saves a query.
    """
    field = target._meta.model_name
    replies = Prefetch("replies", queryset=Comment.objects.select_related("author").order_by("created", "pk"))
    threads = Comment.objects.filter(**{field: target}).threads().prefetch_related(replies)
    paginator = CountedPaginator(threads, THREADS_PER_PAGE, count=getattr(target, "thread_count", None))
    page = paginator.get_page(request.GET.get("comments"))
    editable = set()
    if request.user.is_authenticated:
        since = timezone.now() - EDIT_WINDOW
        for thread in page:
            for comment in [thread, *thread.replies.all()]:
                if comment.author_id == request.user.pk and comment.created >= since and not comment.is_removed:
                    editable.add(comment.pk)
    return {
        "kind": field,
        "target": target,
        "threads": page,
        "editable_ids": editable,
        "comment_form": CommentForm() if request.user.is_authenticated else None,
        "report_form": ReportForm(),
    }


@cached_for_visitors
def latest(request: HttpRequest) -> HttpResponse:
    comments = Comment.objects.published().with_target().order_by("-created", "-pk")
    page = Paginator(comments, 20).get_page(request.GET.get("page"))
    return render(request, "discussion/latest.html", {"page": page})


@require_POST
@login_required
def post(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    if kind not in TARGETS:
        raise Http404
    target = TARGETS[kind](slug)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(f"{target.get_absolute_url()}#discussion")
    if form.is_spam:
        messages.error(request, "Your comment could not be posted.")
        return redirect(target)
    parent = None
    if form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            messages.error(request, "The comment you replied to no longer exists.")
            return redirect(target)
    try:
        comment = services.post_comment(
            author=request.user,
            target=target,
            text=form.cleaned_data["text"],
            spoiler=form.cleaned_data["spoiler"],
            parent=parent,
        )
    except services.CommentRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(f"{target.get_absolute_url()}#discussion")
    messages.success(request, "Your comment is posted.")
    return redirect(comment)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.with_target(), pk=pk, author=request.user)
    if not comment.can_edit(request.user):
        messages.error(request, "Comments can be edited for 15 minutes after posting.")
        return redirect(comment)
    form = EditCommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        services.edit_comment(
            comment=comment, author=request.user, text=form.cleaned_data["text"], spoiler=form.cleaned_data["spoiler"]
        )
        messages.success(request, "Your comment is updated.")
        return redirect(comment)
    return render(request, "discussion/edit.html", {"form": form, "comment": comment})


@require_POST
@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.with_target(), pk=pk, author=request.user)
    services.delete_comment(comment=comment, author=request.user)
    messages.success(request, "Your comment is deleted.")
    return redirect(comment)


@require_POST
@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.published().with_target(), pk=pk)
    form = ReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please choose a reason for the report.")
        return redirect(comment)
    try:
        created = services.report_comment(comment=comment, reporter=request.user, **form.cleaned_data)
    except services.CommentRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if created:
            messages.success(request, "Thank you. A moderator will look at it.")
        else:
            messages.info(request, "You have already reported this comment.")
    return redirect(comment)


def unfollow(request: HttpRequest, token: str) -> HttpResponse:
    try:
        follow_id = signing.loads(token, salt=UNFOLLOW_SALT)["follow"]
    except (signing.BadSignature, KeyError, TypeError):
        return render(request, "discussion/unfollowed.html", {"valid": False}, status=400)
    services.unfollow(follow_id=follow_id)
    return render(request, "discussion/unfollowed.html", {"valid": True})
