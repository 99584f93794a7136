from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class NoticeStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    SKIPPED = "skipped", "Not needed (nothing new to say when its turn came)"
    FAILED = "failed", "Failed: gave up"


class NoticeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=NoticeStatus.PENDING)

    def of(self, kind: str, key: str):
        return self.filter(kind=kind, key=key)

    def to(self, addresses) -> "NoticeQuerySet":
        """The notices that went to any of `addresses`, whatever the case of their letters."""
        lowered = [address.lower() for address in addresses if address]
        return self.alias(to=Lower("recipient")).filter(to__in=lowered)


class Notice(models.Model):
    """One email the club owes someone, sent by the task queue (see outbox.delivery).

    It names what it is about (`kind` and `key`, such as an RSVP's id), never what it says: the
    text is composed from the database when its turn comes, so it tells what is true then.
    """

    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=100, help_text="The ids the notice is about, as its kind reads them.")
    data = models.JSONField(default=dict, blank=True, help_text="What its kind needs that the database may not keep.")
    status = models.CharField(max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.PENDING)
    summary = models.CharField(max_length=100, blank=True, help_text="What it said, e.g. the RSVP's state.")
    recipient = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(help_text="When its task should run; long past, the task is lost.")
    claimed_at = models.DateTimeField(null=True, blank=True, help_text="When a worker took it to send.")
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    give_up_at = models.DateTimeField(help_text="Retries stop after this.")
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["kind", "key", "status"], name="outbox_notice_kind_key"),
            models.Index(fields=["status", "created"], name="outbox_notice_status_created"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class ErrorReport(models.Model):
    """A server error's report for the admins (outbox.log), until its notice has gone: then it is deleted, as it
    is after 30 days if it never goes. Kept out of backups, and out of curators' sight: superusers only."""

    subject = models.CharField(max_length=300)
    message = models.TextField()
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.subject
