import csv

from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponse
from django.utils import timezone

from core.admin import ReadOnlyInline
from core.images import ImageWithoutMetadataField
from screenings import services
from screenings.models import Rsvp, Screening, Venue


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ("name", "address")
    search_fields = ("name", "address")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class RsvpInline(ReadOnlyInline):
    """Seats change only through the RSVP services, which keep the waitlist right."""

    model = Rsvp
    fields = ("member", "status", "guests", "queued_at", "reminder_queued_at")
    ordering = ("status", "queued_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("member")


@admin.register(Screening)
class ScreeningAdmin(admin.ModelAdmin):
    list_display = ("title", "starts_at", "venue", "status", "capacity", "seats_taken", "waitlist")
    list_filter = ("status", "venue")
    list_select_related = ("venue",)
    date_hierarchy = "starts_at"
    search_fields = ("title", "description")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("revision", "ends_at")
    formfield_overrides = {models.ImageField: {"form_class": ImageWithoutMetadataField}}
    inlines = [RsvpInline]
    actions = ["cancel_screenings", "export_attendees"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "status", "description")}),
        ("When and where", {"fields": ("starts_at", "duration_minutes", "ends_at", "venue", "revision")}),
        ("Seats", {"fields": ("capacity", "max_guests", "rsvp_opens_at", "rsvp_closes_at")}),
        ("The print", {"fields": ("print_version", "runtime_minutes", "subtitles")}),
        ("Image", {"fields": ("image", "image_alt")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_seats_taken()

    @admin.display(description="seats taken", ordering="seats_taken")
    def seats_taken(self, obj):
        return obj.seats_taken

    @admin.display(description="waitlist", ordering="waitlist_count")
    def waitlist(self, obj):
        return obj.waitlist_count

    def save_model(self, request, obj, form, change):
        services.save_screening(screening=obj)

    def has_delete_permission(self, request, obj=None):
        # RSVPs change only through the services, which tell members: such a screening is cancelled instead.
        if obj is not None and obj.rsvps.exists():
            return False
        return super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        screening = self.get_object(request, object_id)
        if request.method == "GET" and screening is not None and screening.rsvps.exists():
            self.message_user(
                request,
                "Members have RSVP'd, so this screening cannot be deleted: cancel it instead (set Status to "
                "Cancelled, or use the Cancel action) and everyone who RSVP'd is told.",
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description="Cancel selected screenings and notify members", permissions=["change"])
    def cancel_screenings(self, request, queryset):
        notified = sum(services.cancel_screening(screening=screening) for screening in queryset)
        self.message_user(request, f"Cancelled; {notified} member(s) notified.", messages.SUCCESS)

    @admin.action(description="Export attendees as CSV", permissions=["view"])
    def export_attendees(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="attendees.csv"'
        writer = csv.writer(response)
        writer.writerow(["screening", "starts (local)", "member", "name", "email", "status", "guests", "since"])
        rsvps = (
            Rsvp.objects.filter(screening__in=queryset)
            .active()
            .select_related("screening", "member")
            .order_by("screening__starts_at", "status", "queued_at")
        )
        for rsvp in rsvps:
            writer.writerow(
                [
                    rsvp.screening.title,
                    f"{timezone.localtime(rsvp.screening.starts_at):%Y-%m-%d %H:%M}",
                    rsvp.member.username,
                    _safe_cell(rsvp.member.public_name),
                    rsvp.member.email,
                    rsvp.get_status_display(),
                    rsvp.guests,
                    f"{timezone.localtime(rsvp.queued_at):%Y-%m-%d %H:%M}",
                ]
            )
        return response


def _safe_cell(value: str) -> str:
    # A leading =, +, - or @ would run as a formula in a spreadsheet.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value
