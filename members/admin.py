from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm

from core.admin_site import SECOND_FACTORS
from members import services
from members.models import User


class MemberForm(UserChangeForm):
    """Staff rights go only to an account that already has a second factor: one that has none could be taken,
    admin and all, by whoever has its password and turns two-factor on first."""

    def clean(self):
        cleaned = super().clean()
        for right in ("is_staff", "is_superuser"):
            if (
                cleaned.get(right)
                and not self.initial.get(right)
                and not is_mfa_enabled(self.instance, list(SECOND_FACTORS))
            ):
                self.add_error(
                    right,
                    "Staff need two-factor authentication: ask them to turn it on under their account "
                    "(Two-factor authentication), then give them this right.",
                )
        return cleaned


@admin.register(User)
class MemberAdmin(UserAdmin):
    form = MemberForm
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
