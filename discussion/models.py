from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.moderation import ReportReason, open_reports
from discussion import targets
from pagecache import PageRetiringQuerySet

# How long an author may change what they wrote; the code and every message use these.
EDIT_WINDOW = timedelta(minutes=15)
EDIT_WINDOW_NOTE = f"Comments can be edited for {int(EDIT_WINDOW.total_seconds() // 60)} minutes after posting."


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    DELETED = "deleted", "Deleted by its author"
    HIDDEN = "hidden", "Hidden by a moderator"


class CommentQuerySet(PageRetiringQuerySet):
    def published(self):
        return self.filter(status=CommentStatus.PUBLISHED)

    def on(self, target):
        """The comments on one fact or screening (see discussion.targets)."""
        return self.filter(**{targets.kind_of(target): target})

    def on_visible_targets(self):
        """Comments on facts and screenings a visitor may open: none of an unpublished fact leaks out."""
        condition = Q()
        for kind in targets.KINDS:
            condition |= Q(**{f"{kind}__in": targets.visible(kind).values("pk")})
        return self.filter(condition)

    def visible(self):
        """What anyone may read in a listing: published comments on visible targets."""
        return self.published().on_visible_targets()

    def threads(self):
        """Top-level comments; replies come with them, removed ones too so the thread stays whole."""
        return self.filter(parent__isnull=True).select_related("author").order_by("created", "pk")

    def with_target(self):
        return self.select_related("author", "fact", "screening")

    def with_open_reports(self):
        return self.annotate(open_reports=open_reports())


class Comment(models.Model):
    # Nothing deletes what members wrote by the way: a discussed fact or screening, a comment with
    # replies and a member who has written are protected (accounts are anonymised, not deleted).
    fact = models.ForeignKey("facts.Fact", null=True, blank=True, on_delete=models.PROTECT, related_name="comments")
    screening = models.ForeignKey(
        "screenings.Screening", null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(max_length=4000)
    spoiler = models.BooleanField(default=False, help_text="Reveals the plot; shown collapsed.")
    status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.PUBLISHED)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fact__isnull=False, screening__isnull=True) | Q(fact__isnull=True, screening__isnull=False),
                name="comment_has_exactly_one_target",
            ),
        ]
        indexes = [
            models.Index(fields=["fact", "parent", "created"]),
            models.Index(fields=["screening", "parent", "created"]),
            models.Index(fields=["author", "created"]),
        ]

    def __str__(self) -> str:
        # No text: this is what the admin's log keeps, and a member who leaves takes their words along.
        return f"Comment {self.pk} by {self.author} on {self.target}"

    def get_absolute_url(self) -> str:
        return f"{self.target.get_absolute_url()}#comment-{self.pk}"

    @property
    def target(self):
        return self.fact or self.screening

    @property
    def is_removed(self) -> bool:
        return self.status != CommentStatus.PUBLISHED

    def can_edit(self, user, now=None) -> bool:
        now = now or timezone.now()
        return self.author_id == user.pk and not self.is_removed and now - self.created <= EDIT_WINDOW


class Report(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=ReportReason.choices)
    note = models.CharField(max_length=300, blank=True)
    dismissed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_member_and_comment")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.comment_id}"


class Follow(models.Model):
    """A member who is emailed when someone replies in a thread."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    thread = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="followers")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "thread"], name="follow_a_thread_once")]

    def __str__(self) -> str:
        return f"{self.member} follows {self.thread_id}"

    def unfollow_url(self) -> str:
        """The signed one-click link in reply emails that stops them."""
        token = signing.dumps({"follow": self.pk}, salt=UNFOLLOW_SALT)
        return reverse("discussion:unfollow", kwargs={"token": token})


UNFOLLOW_SALT = "discussion.unfollow"
