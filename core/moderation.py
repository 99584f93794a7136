"""Moderation as comments and reflections share it: members report, moderators hide, restore and dismiss.

Each moderated model has a `status` with "published" and "hidden" among its choices, and a `reports`
relation to its reports, which have `dismissed`. What an author did (deleted, or left the club) is not
the moderators' to undo: hiding and restoring touch only published and hidden rows.
"""

from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Count, Q

PUBLISHED, HIDDEN = "published", "hidden"


class ReportReason(models.TextChoices):
    SPAM = "spam", "Spam or advertising"
    ABUSE = "abuse", "Abusive or hateful"
    SPOILER = "spoiler", "Unmarked spoiler"
    OTHER = "other", "Something else"


def open_reports() -> Count:
    """Reports not yet dismissed, to annotate a moderated queryset with."""
    return Count("reports", filter=Q(reports__dismissed=False))


@transaction.atomic
def hide(items: models.QuerySet) -> int:
    """Hide what is published (its reports are dealt with); returns how many were hidden."""
    _reports(items).update(dismissed=True)
    return items.filter(status=PUBLISHED).update(status=HIDDEN)


@transaction.atomic
def restore(items: models.QuerySet) -> int:
    return items.filter(status=HIDDEN).update(status=PUBLISHED)


def dismiss(items: models.QuerySet) -> int:
    return _reports(items).filter(dismissed=False).update(dismissed=True)


def _reports(items: models.QuerySet) -> models.QuerySet:
    relation = items.model._meta.get_field("reports")
    return relation.related_model.objects.filter(**{f"{relation.field.name}__in": items})


class OpenReportsFilter(admin.SimpleListFilter):
    """For a changelist annotated with `open_reports`."""

    title = "reports"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("open", "Open reports"), ("none", "No open reports")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(open_reports__gt=0)
        if self.value() == "none":
            return queryset.filter(open_reports=0)
        return queryset


class ModerationActions:
    """The moderation queue's actions for a ModelAdmin."""

    actions = ["hide", "restore", "dismiss"]

    def _chosen(self, queryset) -> models.QuerySet:
        # A fresh queryset of the chosen rows: the changelist's carries annotations update() refuses.
        return self.model.objects.filter(pk__in=queryset.values("pk"))

    @admin.action(description="Hide selected %(verbose_name_plural)s", permissions=["change"])
    def hide(self, request, queryset):
        self._done(request, f"{hide(self._chosen(queryset))} {self.model._meta.verbose_name}(s) hidden.")

    @admin.action(description="Restore selected %(verbose_name_plural)s", permissions=["change"])
    def restore(self, request, queryset):
        self._done(request, f"{restore(self._chosen(queryset))} {self.model._meta.verbose_name}(s) restored.")

    @admin.action(description="Dismiss reports on selected %(verbose_name_plural)s", permissions=["change"])
    def dismiss(self, request, queryset):
        self._done(request, f"{dismiss(self._chosen(queryset))} report(s) dismissed.")

    def _done(self, request, message: str) -> None:
        self.message_user(request, message, messages.SUCCESS)
