from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.throttle import throttled
from discussion import services, targets
from discussion.forms import CommentForm, EditCommentForm, ReportForm
from discussion.models import EDIT_WINDOW_NOTE, UNFOLLOW_SALT, Comment
from members.verification import confirmed_email_required
from pagecache import cached_for_visitors, not_cached_unless_linked

LATEST_PER_PAGE = 20


@cached_for_visitors(params=("page",))
def latest(request: HttpRequest) -> HttpResponse:
    comments = Comment.objects.visible().with_target().order_by("-created", "-pk")
    page = Paginator(comments, LATEST_PER_PAGE).get_page(request.GET.get("page"))
    return not_cached_unless_linked(render(request, "discussion/latest.html", {"page": page}), request, page)


@require_POST
@confirmed_email_required(offer="Post comment")
def post(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    if kind not in targets.KINDS:
        raise Http404
    target = targets.get_visible_or_404(kind, slug)
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
@throttled("comment_edit")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.on_visible_targets().with_target(), pk=pk, author=request.user)
    if not comment.can_edit(request.user):
        messages.error(request, EDIT_WINDOW_NOTE)
        return redirect(comment)
    form = EditCommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        services.edit_comment(
            comment=comment, author=request.user, text=form.cleaned_data["text"], spoiler=form.cleaned_data["spoiler"]
        )
        messages.success(request, "Your comment is updated.")
        return redirect(comment)
    context = {"form": form, "comment": comment, "edit_window_note": EDIT_WINDOW_NOTE}
    return render(request, "discussion/edit.html", context)


@require_POST
@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.on_visible_targets().with_target(), pk=pk, author=request.user)
    try:
        services.delete_comment(comment=comment, author=request.user)
    except services.CommentRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Your comment is deleted.")
    return redirect(comment)


@confirmed_email_required(offer="Send report")
@throttled("report")
def report(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.visible().with_target(), pk=pk)
    if comment.author_id == request.user.pk:
        messages.error(request, services.OWN_COMMENT_NOTE)
        return redirect(comment)
    form = ReportForm(request.POST or None)
    if request.method != "POST":
        return render(request, "discussion/report.html", {"form": form, "comment": comment})
    if not form.is_valid():
        return render(request, "discussion/report.html", {"form": form, "comment": comment}, status=400)
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
