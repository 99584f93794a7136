from django.contrib import admin, messages

from outbox import delivery, reports
from outbox.models import ErrorReport, Notice, NoticeStatus


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """The club's emails: curators see what waits or failed (the mail relay was down for a day) and send again."""

    list_display = ("created", "kind", "recipient", "subject", "status", "attempts", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("recipient", "subject")
    date_hierarchy = "created"
    readonly_fields = [field.name for field in Notice._meta.fields]
    actions = ["send_again"]

    def get_queryset(self, request):
        # Error reports are the admins' business: what failed, and where, is for superusers only.
        notices = super().get_queryset(request)
        return notices if request.user.is_superuser else notices.exclude(kind=reports.KIND)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Send the selected failed notices again", permissions=["change"])
    def send_again(self, request, queryset):
        failed = list(queryset.filter(status=NoticeStatus.FAILED))
        for notice in failed:
            delivery.resend(notice)
        self.message_user(request, f"{len(failed)} notice(s) queued again.", messages.SUCCESS)


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    """Server errors' reports waiting to be emailed to DJANGO_ADMINS: superusers only, read only."""

    list_display = ("created", "subject")
    readonly_fields = ("created", "subject", "message")

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
