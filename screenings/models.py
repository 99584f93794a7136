from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from core import film
from core.images import IMAGE_VALIDATORS
from pagecache import PageRetiringQuerySet


class Venue(models.Model):
    name = models.CharField(max_length=120)
    address = models.TextField()
    map_url = models.URLField(blank=True, help_text="Optional link to a map.")

    objects = PageRetiringQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ScreeningStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class RsvpStatus(models.TextChoices):
    GOING = "going", "Going"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


GOING_SEATS = Coalesce(Sum(1 + F("rsvps__guests"), filter=Q(rsvps__status=RsvpStatus.GOING)), 0)


class ScreeningQuerySet(PageRetiringQuerySet):
    def visible(self):
        """What a visitor may open (the discussion's target protocol): every screening, cancelled ones too."""
        return self.all()

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def scheduled(self):
        return self.filter(status=ScreeningStatus.SCHEDULED)

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def with_seats_taken(self):
        return self.annotate(
            seats_taken=GOING_SEATS,
            waitlist_count=Count("rsvps", filter=Q(rsvps__status=RsvpStatus.WAITLISTED)),
        )

    def for_list(self):
        return self.select_related("venue").with_seats_taken()


class Screening(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    starts_at = models.DateTimeField(db_index=True)
    duration_minutes = models.PositiveIntegerField(default=150, help_text="Film and discussion, in minutes.")
    ends_at = models.DateTimeField(editable=False, db_index=True)
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="screenings")
    description = models.TextField(blank=True)
    capacity = models.PositiveIntegerField()
    max_guests = models.PositiveSmallIntegerField(default=0, help_text="Guests a member may bring; 0 for none.")
    print_version = models.CharField("print shown", max_length=200, blank=True, help_text="e.g. 2018 2K restoration")
    runtime_minutes = models.PositiveIntegerField("film runtime", default=film.RUNTIME_MINUTES)
    subtitles = models.CharField("subtitle language", max_length=60, default="English", blank=True)
    status = models.CharField(max_length=10, choices=ScreeningStatus.choices, default=ScreeningStatus.SCHEDULED)
    revision = models.PositiveIntegerField(
        default=0, editable=False, help_text="Bumped when time, place or status change."
    )
    rsvp_opens_at = models.DateTimeField("RSVP opens", null=True, blank=True, help_text="Empty: open now.")
    rsvp_closes_at = models.DateTimeField("RSVP closes", null=True, blank=True, help_text="Empty: at the start.")
    image = models.ImageField(upload_to="screenings/", blank=True, validators=IMAGE_VALIDATORS)
    image_alt = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScreeningQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="screening_has_seats"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.ends_at = self.starts_at + timedelta(minutes=self.duration_minutes)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("screenings:detail", kwargs={"slug": self.slug})

    def schedule(self) -> tuple:
        """What calendars follow: a change to any of it is a new revision (see services.save_screening)."""
        return (self.starts_at, self.duration_minutes, self.venue_id, self.status)

    @property
    def is_cancelled(self) -> bool:
        return self.status == ScreeningStatus.CANCELLED

    @property
    def seats_left(self) -> int:
        """Needs `seats_taken`, from `with_seats_taken()` or set by the caller."""
        return max(self.capacity - self.seats_taken, 0)

    def rsvp_closed_reason(self, now=None) -> str:
        """Why an RSVP is refused now, or "" when it is open."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "This screening has been cancelled."
        if self.starts_at <= now:
            return "This screening has already started."
        if self.rsvp_opens_at and now < self.rsvp_opens_at:
            return f"RSVPs open on {timezone.localtime(self.rsvp_opens_at):%-d %B at %H:%M}."
        if self.rsvp_closes_at and now >= self.rsvp_closes_at:
            return "RSVPs for this screening have closed."
        return ""


class RsvpQuerySet(PageRetiringQuerySet):
    def active(self):
        return self.filter(status__in=[RsvpStatus.GOING, RsvpStatus.WAITLISTED])

    def going(self):
        return self.filter(status=RsvpStatus.GOING)

    def waitlisted(self):
        return self.filter(status=RsvpStatus.WAITLISTED).order_by("queued_at", "pk")

    def past(self):
        return self.filter(screening__ends_at__lt=timezone.now())

    def with_waitlist_position(self):
        """Each RSVP's place on its screening's waitlist (1 for the first), in the same query."""
        ahead = Rsvp.objects.filter(
            screening=OuterRef("screening"), status=RsvpStatus.WAITLISTED, queued_at__lt=OuterRef("queued_at")
        )
        counted = ahead.order_by().values("screening").annotate(n=Count("pk")).values("n")
        return self.annotate(waitlist_position=Coalesce(Subquery(counted), 0) + 1)

    def upcoming_for(self, member):
        """A member's RSVPs for screenings not yet over, soonest first."""
        mine = self.filter(member=member, screening__ends_at__gte=timezone.now()).active()
        return mine.select_related("screening__venue").order_by("screening__starts_at")


class Rsvp(models.Model):
    # Seats change only through the services: a screening with RSVPs is cancelled, not deleted, and
    # a member's RSVPs are cancelled when they close their account.
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="rsvps")
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="rsvps")
    status = models.CharField(max_length=10, choices=RsvpStatus.choices)
    guests = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(default=timezone.now, help_text="First come, first served on the waitlist.")
    reminder_queued_at = models.DateTimeField(null=True, blank=True, help_text="When the reminder was queued.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RsvpQuerySet.as_manager()

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = "RSVP"
        constraints = [
            models.UniqueConstraint(fields=["member", "screening"], name="one_rsvp_per_member_and_screening"),
        ]
        indexes = [models.Index(fields=["screening", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.member} · {self.screening} · {self.get_status_display()}"

    @property
    def party_size(self) -> int:
        return 1 + self.guests
