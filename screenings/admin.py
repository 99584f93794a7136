import csv

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core import variants
from core.admin import ReadOnlyInline, StoresUploads
from core.images import ImageWithoutMetadataField
from core.moderation import ModerationActions, OpenReportsFilter
from screenings import services
from screenings.door_list import csv_header, csv_row, listed, safe_cell
from screenings.forms import CancelScreeningForm, ScreeningAdminForm
from screenings.models import Reflection, ReflectionReport, Rsvp, Screening, Venue


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ("name", "town", "postcode")
    search_fields = ("name", "address", "town", "postcode")
    fields = ("name", "address", "town", "postcode", "map_url")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


CANCELLED_STAYS = (
    "This screening stays cancelled: its members have been told. To show the film after all, schedule a "
    "new screening and give it as the new date."
)


class RsvpInline(ReadOnlyInline):
    """Seats change only through the RSVP services, which keep the waitlist right."""

    model = Rsvp
    fields = ("name", "status", "guests", "waiting_guests", "code", "queued_at", "offer_expires_at", "checked_in_at",
              "checked_in_by")  # fmt: skip
    ordering = ("status", "queued_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("member", "checked_in_by")

    @admin.display(description="who")
    def name(self, obj):
        return obj.name


class ScreeningHistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, whose revert view saves for anyone who may merely view the history:
    here reverting needs the right to change the screening (and saves through save_model, the services)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request, self.get_object(request, object_id)):
            raise PermissionDenied
        # One transaction, as the change view's: what the form checks under the lock holds until the save.
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Screening)
class ScreeningAdmin(StoresUploads, ScreeningHistoryAdmin):
    form = ScreeningAdminForm
    list_display = ("title", "starts_at", "venue", "status", "capacity", "seats_taken", "waitlist", "expected",
                    "arrived", "no_shows")  # fmt: skip
    list_filter = ("status", "venue")
    list_select_related = ("venue",)
    date_hierarchy = "starts_at"
    search_fields = ("title", "description")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("status", "cancellation", "revision", "ends_at", "door_page")
    filter_horizontal = ("door_volunteers",)
    formfield_overrides = {models.ImageField: {"form_class": ImageWithoutMetadataField}}
    inlines = [RsvpInline]
    actions = ["cancel_screenings", "export_attendees"]
    history_list_display = ["status"]
    fieldsets = (  # fmt: skip
        (None, {"fields": ("title", "slug", "status", "cancellation", "description")}),
        ("When and where", {"fields": ("starts_at", "duration_minutes", "ends_at", "venue", "revision")}),
        ("Seats", {"fields": ("capacity", "max_guests", "price", "rsvp_opens_at", "rsvp_closes_at")}),
        (
            "The print and the programme",
            {"fields": ("print_version", "runtime_minutes", "subtitles", "programme_notes")},
        ),
        ("The door", {"fields": ("door_page", "door_volunteers")}),
        ("Image", {"fields": ("image", "image_alt")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_seats_taken().with_attendance()

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "door_volunteers":
            kwargs["queryset"] = get_user_model().objects.filter(is_active=True).order_by("username")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="seats taken", ordering="seats_taken")
    def seats_taken(self, obj):
        return obj.seats_taken

    @admin.display(description="waitlist", ordering="waitlist_count")
    def waitlist(self, obj):
        return obj.waitlist_count

    @admin.display(description="expected", ordering="expected")
    def expected(self, obj):
        return obj.expected

    @admin.display(description="arrived", ordering="arrived")
    def arrived(self, obj):
        return obj.arrived if obj.door_used else "–"

    @admin.display(description="no-shows")
    def no_shows(self, obj):
        if not obj.door_used or obj.starts_at > timezone.now():
            return "–"
        return obj.expected - obj.arrived

    @admin.display(description="cancelled")
    def cancellation(self, obj):
        if obj is None or not obj.is_cancelled:
            return "No. To cancel, use “Cancel this screening…” below the form, or the action in the list."
        new = f" New date: {obj.replacement}." if obj.replacement else ""
        return f"Yes. {obj.cancellation_reason or 'No reason given.'}{new}"

    @admin.display(description="door page")
    def door_page(self, obj):
        if obj is None or obj.pk is None:
            return "Save the screening first."
        return reverse("screenings:door", kwargs={"slug": obj.slug})

    def save_model(self, request, obj, form, change):
        if change and not obj.is_cancelled and Screening.objects.filter(pk=obj.pk).cancelled().exists():
            # A revert to a version from before the cancellation: the rest is restored, not the status.
            self.message_user(request, CANCELLED_STAYS, messages.WARNING)
        services.save_screening(screening=obj)
        previous = form.initial.get("image")
        variants.refresh(obj.image, getattr(previous, "name", None) or "")

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
                "Members have RSVP'd, so this screening cannot be deleted: cancel it instead (“Cancel this "
                "screening…” below, or the action in the list) and everyone who RSVP'd is told.",
                messages.INFO,
            )
        extra_context = {**(extra_context or {}), "cancel_url": self._cancel_url(screening)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _cancel_url(self, screening) -> str:
        if screening is None or screening.is_cancelled:
            return ""
        return reverse("admin:screenings_screening_cancel", args=[screening.pk])

    def get_urls(self):
        cancel = self.admin_site.admin_view(self.cancel_view)
        return [path("<int:pk>/cancel/", cancel, name="screenings_screening_cancel"), *super().get_urls()]

    def cancel_view(self, request, pk):
        """One screening's cancellation, confirmed, from its change page."""
        return self._confirm_cancel(request, Screening.objects.filter(pk=pk))

    @admin.action(description="Cancel selected screenings and notify members…", permissions=["change"])
    def cancel_screenings(self, request, queryset):
        return self._confirm_cancel(request, queryset)

    def _confirm_cancel(self, request, queryset):
        """Nothing is cancelled in one click: the organiser confirms, may give a reason and the new date,
        and both reach the members (the email and the screening's page)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        screenings = list(queryset.scheduled().select_related("venue"))
        if not screenings:
            self.message_user(request, "Those screenings are cancelled already.", messages.INFO)
            return redirect("admin:screenings_screening_changelist")
        form = CancelScreeningForm(request.POST if "confirm" in request.POST else None, cancelling=screenings)
        if form.is_valid():
            told = sum(
                services.cancel_screening(screening=s, reason=form.cleaned_data["reason"],
                                          replacement=form.cleaned_data["replacement"])
                for s in screenings
            )  # fmt: skip
            self.message_user(request, f"Cancelled; {told} member(s) are being told by email.", messages.SUCCESS)
            if len(screenings) == 1:
                return redirect("admin:screenings_screening_change", screenings[0].pk)
            return redirect("admin:screenings_screening_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Cancel screenings" if len(screenings) > 1 else f"Cancel {screenings[0].title}",
            "screenings": [(s, s.rsvps.filter(member__isnull=False).active().count()) for s in screenings],
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "from_action": "action" in request.POST,
        }
        return render(request, "admin/screenings/screening/cancel.html", context)

    @admin.action(description="Export the door list as CSV (expected, arrived, no-shows)", permissions=["view"])
    def export_attendees(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="attendees.csv"'
        writer = csv.writer(response)
        writer.writerow(["screening", "starts (local)", *csv_header(emails=True)])
        rsvps = listed(Rsvp.objects.filter(screening__in=queryset)).select_related("screening")
        now = timezone.now()
        for rsvp in rsvps.order_by("screening__starts_at", "status", "queued_at"):
            when = f"{timezone.localtime(rsvp.screening.starts_at):%Y-%m-%d %H:%M}"
            started = rsvp.screening.starts_at <= now
            row = csv_row(rsvp, started=started, emails=True)
            writer.writerow([safe_cell(rsvp.screening.title), when, *row])
        return response


class ReflectionReportInline(ReadOnlyInline):
    model = ReflectionReport
    fields = ("reporter", "reason", "note", "dismissed", "created")


@admin.register(Reflection)
class ReflectionAdmin(ModerationActions, admin.ModelAdmin):
    """Moderation, as for comments: reported reflections first; hide, restore, dismiss; words not rewritten."""

    list_display = ("excerpt", "member", "screening", "status", "open_reports", "created")
    list_filter = (OpenReportsFilter, "status")
    list_select_related = ("member", "screening")
    search_fields = ("noticed", "member__username", "member__display_name")
    fields = ("member", "screening", "print_rating", "sound_rating", "room_rating", "discussion_rating", "noticed",
              "status", "created", "edited_at")  # fmt: skip
    readonly_fields = fields
    inlines = [ReflectionReportInline]

    def get_queryset(self, request):
        # Not super()'s: it orders by get_ordering() before the reports are counted.
        return Reflection.objects.with_open_reports()

    def get_ordering(self, request):
        return ["-open_reports", "-created", "-pk"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="reflection")
    def excerpt(self, obj):
        return obj.noticed[:80] or f"(ratings only: {obj.rating:.1f})"

    @admin.display(description="open reports", ordering="open_reports")
    def open_reports(self, obj):
        return obj.open_reports
