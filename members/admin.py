from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from members import services
from members.models import User


@admin.register(User)
class MemberAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Club", {"fields": ("display_name", "show_past_screenings", "left_at")}),)
    readonly_fields = ("left_at",)
    list_display = ("username", "display_name", "email", "is_staff", "date_joined", "left_at")
    list_filter = (*UserAdmin.list_filter, ("left_at", admin.EmptyFieldListFilter))
    actions = ["close_accounts"]

    def has_delete_permission(self, request, obj=None):
        # Deleting a member would take their RSVPs and comments with it; accounts are closed instead.
        return False

    @admin.action(description="Close selected accounts (cancel RSVPs, erase words and profile)", permissions=["change"])
    def close_accounts(self, request, queryset):
        members = list(queryset.filter(left_at__isnull=True))
        if not request.user.is_superuser:
            members = [member for member in members if not member.is_superuser]
        for member in members:
            services.close_account(member=member)
        self.message_user(request, f"{len(members)} account(s) closed.", messages.SUCCESS)
