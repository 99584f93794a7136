from django.contrib import admin, messages

from core.admin import ReadOnlyInline
from discussion import services, targets
from discussion.models import Comment, Report


class ReportedFilter(admin.SimpleListFilter):
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
class CommentAdmin(admin.ModelAdmin):
    """The moderation queue: comments with open reports come first."""

    list_display = ("excerpt", "author", "target", "status", "open_reports", "created")
    list_filter = (ReportedFilter, "status", TargetFilter, "spoiler")
    list_select_related = ("author", "fact", "screening")
    search_fields = ("text", "author__username", "author__display_name")
    date_hierarchy = "created"
    fields = ("author", "fact", "screening", "parent", "text", "spoiler", "status", "created", "edited_at")
    # Moderators hide and restore through the actions (which leave authors' deletions alone), never by hand.
    readonly_fields = ("author", "fact", "screening", "parent", "text", "status", "created", "edited_at")
    inlines = [ReportInline]
    actions = ["hide", "restore", "dismiss"]

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

    @admin.action(description="Hide selected comments", permissions=["change"])
    def hide(self, request, queryset):
        count = services.hide_comments(Comment.objects.filter(pk__in=queryset.values("pk")))
        self.message_user(request, f"{count} comment(s) hidden.", messages.SUCCESS)

    @admin.action(description="Restore selected comments", permissions=["change"])
    def restore(self, request, queryset):
        count = services.restore_comments(Comment.objects.filter(pk__in=queryset.values("pk")))
        self.message_user(request, f"{count} comment(s) restored.", messages.SUCCESS)

    @admin.action(description="Dismiss reports on selected comments", permissions=["change"])
    def dismiss(self, request, queryset):
        count = services.dismiss_reports(Comment.objects.filter(pk__in=queryset.values("pk")))
        self.message_user(request, f"{count} report(s) dismissed.", messages.SUCCESS)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("comment", "reporter", "reason", "dismissed", "created")
    list_filter = ("dismissed", "reason")
    list_select_related = ("comment__author", "comment__fact", "comment__screening", "reporter")
    readonly_fields = ("comment", "reporter", "reason", "note", "created")

    def has_add_permission(self, request):
        return False
