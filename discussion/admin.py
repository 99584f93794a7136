from django.contrib import admin

from core.admin import ReadOnlyInline
from core.moderation import ModerationActions, OpenReportsFilter
from discussion import targets
from discussion.models import Comment, Report


class TargetFilter(admin.SimpleListFilter):
    title = "on"
    parameter_name = "target"

    def lookups(self, request, model_admin):
        return [(kind, f"{kind.capitalize()}s") for kind in targets.KINDS]

    def queryset(self, request, queryset):
        if self.value() in targets.KINDS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


class ReportInline(ReadOnlyInline):
    model = Report
    fields = ("reporter", "reason", "note", "dismissed", "created")


@admin.register(Comment)
class CommentAdmin(ModerationActions, admin.ModelAdmin):
    """The moderation queue: comments with open reports come first."""

    list_display = ("excerpt", "author", "target", "status", "open_reports", "created")
    list_filter = (OpenReportsFilter, "status", TargetFilter, "spoiler")
    list_select_related = ("author", "fact", "screening")
    search_fields = ("text", "author__username", "author__display_name")
    date_hierarchy = "created"
    fields = ("author", "fact", "screening", "parent", "text", "spoiler", "status", "created", "edited_at")
    # Moderators hide and restore through the actions (which leave authors' deletions alone), never by hand.
    readonly_fields = ("author", "fact", "screening", "parent", "text", "status", "created", "edited_at")
    inlines = [ReportInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_open_reports().order_by("-open_reports", "-created")

    def has_add_permission(self, request):
        return False

    @admin.display(description="comment")
    def excerpt(self, obj):
        return obj.text[:80]

    @admin.display(description="open reports", ordering="open_reports")
    def open_reports(self, obj):
        return obj.open_reports


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("comment", "reporter", "reason", "dismissed", "created")
    list_filter = ("dismissed", "reason")
    list_select_related = ("comment__author", "comment__fact", "comment__screening", "reporter")
    readonly_fields = ("comment", "reporter", "reason", "note", "created")

    def has_add_permission(self, request):
        return False
