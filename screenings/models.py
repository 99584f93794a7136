import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, Exists, F, Min, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import film
from core.images import IMAGE_VALIDATORS
from core.moderation import ReportReason, open_reports
from pagecache import PageRetiringQuerySet


class Venue(models.Model):
    name = models.CharField(max_length=120)
    address = models.TextField(help_text="The street address, a line each; the town and postcode go below.")
    town = models.CharField(max_length=80, blank=True)
    postcode = models.CharField(max_length=12, blank=True)
    map_url = models.URLField(blank=True, help_text="Optional link to a map; empty: an OpenStreetMap search.")

    objects = PageRetiringQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def street_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def address_lines(self) -> list[str]:
        """The address a line each, the town and postcode last: for pages, emails and calendars."""
        return [*self.street_lines, *(part for part in (self.town, self.postcode) if part)]

    @property
    def map_link(self) -> str:
        if self.map_url:
            return self.map_url
        query = ", ".join([self.name, *self.address_lines])
        return f"https://www.openstreetmap.org/search?{urlencode({'query': query})}"


# What every page, email and refusal says of a cancelled screening.
CANCELLED_NOTE = "This screening has been cancelled."


class ScreeningStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class RsvpStatus(models.TextChoices):
    GOING = "going", "Going"
    OFFERED = "offered", "Offered a seat"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"
    LAPSED = "lapsed", "Offer not claimed"


# A party holds seats while it is going or while a seat is offered to it (until the offer lapses).
HOLDING = [RsvpStatus.GOING, RsvpStatus.OFFERED]
ACTIVE = [RsvpStatus.GOING, RsvpStatus.OFFERED, RsvpStatus.WAITLISTED]

SEATS_HELD = Coalesce(Sum(1 + F("rsvps__guests"), filter=Q(rsvps__status__in=HOLDING)), 0)


class ScreeningQuerySet(PageRetiringQuerySet):
    def visible(self):
        """What a visitor may open (the discussion's target protocol): every screening, cancelled ones too."""
        return self.all()

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def scheduled(self):
        return self.filter(status=ScreeningStatus.SCHEDULED)

    def cancelled(self):
        return self.filter(status=ScreeningStatus.CANCELLED)

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def with_seats_taken(self):
        """Seats held (going, or offered and not yet claimed), parties waiting, and the first open offer's deadline."""
        return self.annotate(
            seats_taken=SEATS_HELD,
            waitlist_count=Count("rsvps", filter=Q(rsvps__status=RsvpStatus.WAITLISTED)),
            next_offer_expiry=Min("rsvps__offer_expires_at", filter=Q(rsvps__status=RsvpStatus.OFFERED)),
        )

    def with_attendance(self):
        """Seats expected (going), seats arrived (checked in) and whether the door was used: for organisers
        and for the archive's counts."""
        going = Q(rsvps__status=RsvpStatus.GOING)
        return self.annotate(
            expected=Coalesce(Sum(1 + F("rsvps__guests"), filter=going), 0),
            arrived=Coalesce(Sum(1 + F("rsvps__guests"), filter=going & Q(rsvps__checked_in_at__isnull=False)), 0),
            door_used=door_used(OuterRef("pk")),
        )

    def with_reflections(self):
        """How many reflections count and their average rating, in subqueries (rsvps are joined already)."""
        counted = Reflection.objects.filter(screening=OuterRef("pk")).counted().order_by().values("screening")
        return self.annotate(
            reflection_count=Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0),
            average_rating=Subquery(counted.annotate(a=Avg(RATING)).values("a")),
        )

    def for_list(self):
        return self.select_related("venue").with_seats_taken()

    def for_archive(self):
        return self.select_related("venue").with_attendance().with_reflections()


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
    price = models.CharField(
        max_length=80,
        blank=True,
        help_text="What a seat costs, as visitors should read it (“£5, £3 for members”). Empty: free.",
    )
    print_version = models.CharField("print shown", max_length=200, blank=True, help_text="e.g. 2018 2K restoration")
    runtime_minutes = models.PositiveIntegerField("film runtime", default=film.RUNTIME_MINUTES)
    subtitles = models.CharField("subtitle language", max_length=60, default="English", blank=True)
    programme_notes = models.TextField(
        blank=True,
        help_text="The print shown, why this screening, what to watch for. Plain text: a blank line starts a "
        "paragraph. Shown on the screening's page and its printed programme; every version is kept.",
    )
    status = models.CharField(max_length=10, choices=ScreeningStatus.choices, default=ScreeningStatus.SCHEDULED)
    cancellation_reason = models.TextField(blank=True, editable=False)
    replacement = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        editable=False,
        help_text="The new date of a cancelled screening.",
    )
    revision = models.PositiveIntegerField(
        default=0, editable=False, help_text="Bumped when time, place or status change."
    )
    rsvp_opens_at = models.DateTimeField("RSVP opens", null=True, blank=True, help_text="Empty: open now.")
    rsvp_closes_at = models.DateTimeField("RSVP closes", null=True, blank=True, help_text="Empty: at the start.")
    door_volunteers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="door_duties",
        help_text="Members who run the door for this screening: they get its door page and nothing else.",
    )
    image = models.ImageField(upload_to="screenings/", blank=True, validators=IMAGE_VALIDATORS)
    image_alt = models.CharField(max_length=200, blank=True)
    reflections_invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScreeningQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated", "reflections_invited_at"])

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="screening_has_seats"),
        ]
        permissions = [("run_door", "Can run the door of any screening")]

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

    def phase(self, now=None) -> str:
        """What the screening's page tells: "cancelled", "upcoming", "on" (started, not over) or "ended"."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if now < self.starts_at:
            return "upcoming"
        return "on" if now < self.ends_at else "ended"

    @property
    def seats_left(self) -> int:
        """Needs `seats_taken`, from `with_seats_taken()` or set by the caller."""
        return max(self.capacity - self.seats_taken, 0)

    @property
    def came(self) -> int:
        """Seats filled on the night: those checked in, or those going when the door was not used.
        Needs `with_attendance()`."""
        return self.arrived if self.door_used else self.expected

    @property
    def door_opens_at(self):
        """From here on, seats that free up go to the door instead of being offered."""
        return self.starts_at - settings.CLUB_DOOR_WINDOW

    @property
    def if_a_seat_frees(self) -> str:
        """What a party on the waitlist is told happens when a seat frees up, for pages and emails alike:
        an offer, with the windows the settings give, until the door takes over; then the door."""
        if timezone.now() >= self.door_opens_at:
            return (
                "Seats that free up from now on are given at the door, to the waitlist in order; if one is "
                "given to you, we email you."
            )
        latest = f"{in_words(settings.CLUB_DOOR_WINDOW)} before the start" if settings.CLUB_DOOR_WINDOW else "the start"
        return (
            f"If a seat frees up it is offered to you by email, to claim within {in_words(settings.CLUB_OFFER_WINDOW)} "
            f"(and by {latest} at the latest); unclaimed, it passes to the next in line."
        )

    def offer_deadline(self, now):
        """When an offer made now lapses: CLUB_OFFER_WINDOW from now, and never after the door takes over."""
        return min(now + settings.CLUB_OFFER_WINDOW, self.door_opens_at)

    @property
    def programme_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.programme_notes.replace("\r\n", "\n").split("\n\n") if part.strip()]

    def rsvp_closed_reason(self, now=None) -> str:
        """Why an RSVP is refused now, or "" when it is open."""
        now = now or timezone.now()
        if self.is_cancelled:
            return CANCELLED_NOTE
        if self.ends_at <= now:
            return "This screening is over."
        if self.starts_at <= now:
            return "This screening has already started."
        if self.rsvp_opens_at and now < self.rsvp_opens_at:
            return f"RSVPs open on {timezone.localtime(self.rsvp_opens_at):%-d %B at %H:%M}."
        if self.rsvp_closes_at and now >= self.rsvp_closes_at:
            return "RSVPs for this screening have closed."
        return ""


def door_used(screening) -> Exists:
    """Whether the door was used at a screening (a screening, or an OuterRef to one): some party going
    was checked in. When it was not, everyone going counts as there. The one definition, for the
    counts, the archive, the admin and who was there."""
    return Exists(Rsvp.objects.filter(screening=screening, status=RsvpStatus.GOING, checked_in_at__isnull=False))


def in_words(window: timedelta) -> str:
    """24 hours, 1 hour, 90 minutes: a window from the settings as members read it."""
    minutes = round(window.total_seconds() / 60)
    if minutes % 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes // 60} hour{'s' if minutes != 60 else ''}"


# Ticket codes are read aloud and typed on phones at the door: no 0/O, 1/I/L.
TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TICKET_LENGTH = 6


def new_ticket_code() -> str:
    return "".join(secrets.choice(TICKET_ALPHABET) for _ in range(TICKET_LENGTH))


def normalise_ticket_code(text: str) -> str:
    """What someone typed or scanned, as codes are stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


class RsvpQuerySet(PageRetiringQuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def going(self):
        return self.filter(status=RsvpStatus.GOING)

    def holding(self):
        return self.filter(status__in=HOLDING)

    def offered(self):
        return self.filter(status=RsvpStatus.OFFERED)

    def waitlisted(self):
        return self.filter(status=RsvpStatus.WAITLISTED).order_by("queued_at", "pk")

    def past(self):
        return self.filter(screening__ends_at__lt=timezone.now())

    def attended(self):
        """Parties who were there: checked in, or going to a screening whose door was not used (nobody
        checked in), which has ended and was not cancelled."""
        return self.going().filter(
            Q(checked_in_at__isnull=False) | ~door_used(OuterRef("screening")),
            screening__ends_at__lt=timezone.now(),
            screening__status=ScreeningStatus.SCHEDULED,
        )

    def upcoming_for(self, member):
        """A member's RSVPs for screenings not yet over, soonest first."""
        mine = self.filter(member=member, screening__ends_at__gte=timezone.now()).active()
        return mine.select_related("screening__venue").order_by("screening__starts_at")


class Rsvp(models.Model):
    # Seats change only through the services: a screening with RSVPs is cancelled, not deleted, and
    # a member's RSVPs are cancelled (and then detached from them) when they close their account.
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rsvps",
        help_text="Empty for a guest added at the door, and once a member has left the club.",
    )
    guest_name = models.CharField(max_length=120, blank=True, help_text="A walk-in's name, typed at the door.")
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="rsvps")
    status = models.CharField(max_length=10, choices=RsvpStatus.choices)
    guests = models.PositiveSmallIntegerField(default=0)
    waiting_guests = models.PositiveSmallIntegerField(
        default=0, help_text="Guests on the waitlist while the member has a seat."
    )
    waiting_since = models.DateTimeField(null=True, blank=True, help_text="When the waiting guests joined the queue.")
    queued_at = models.DateTimeField(default=timezone.now, help_text="First come, first served on the waitlist.")
    code = models.CharField("ticket code", max_length=8, unique=True, default=new_ticket_code, editable=False)
    walk_in = models.BooleanField(default=False, help_text="Added at the door.")
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField("claim by", null=True, blank=True)
    checked_in_at = models.DateTimeField("arrived", null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who checked the party in at the door (an organiser, a curator or a door volunteer).",
    )
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
        indexes = [
            models.Index(fields=["screening", "status", "queued_at"]),
            models.Index(fields=["status", "offer_expires_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.screening} · {self.get_status_display()}"

    @property
    def name(self) -> str:
        if self.member_id:
            return self.member.public_name
        return self.guest_name or "Former member"

    @property
    def party_size(self) -> int:
        return 1 + self.guests

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def lapsed_note(self) -> str:
        """What a member whose offer ran out is told, on the claim page and when they try to claim."""
        deadline = timezone.localtime(self.offer_expires_at)
        return f"The offer ran out at {deadline:%H:%M} on {deadline:%-d %B}: the seat has gone to the next in line."

    @property
    def is_checked_in(self) -> bool:
        return self.checked_in_at is not None

    def get_door_url(self) -> str:
        """The door page found at this ticket: what its QR code holds, so a volunteer's camera opens it."""
        return f"{reverse('screenings:door', kwargs={'slug': self.screening.slug})}?{urlencode({'q': self.code})}"


class ReflectionStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    HIDDEN = "hidden", "Hidden by a moderator"
    REMOVED = "removed", "Removed: its author left the club"


# What members rate an evening on, each 1 to 5; the evening's rating is their mean.
ASPECTS = [("print_rating", "The print"), ("sound_rating", "The sound"), ("room_rating", "The room"),
           ("discussion_rating", "The discussion")]  # fmt: skip
RATING = (F("print_rating") + F("sound_rating") + F("room_rating") + F("discussion_rating")) / Value(4.0)
# How long after writing it a member may change their reflection.
REFLECTION_EDIT_WINDOW = timedelta(days=7)
ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class ReflectionQuerySet(PageRetiringQuerySet):
    def published(self):
        return self.filter(status=ReflectionStatus.PUBLISHED)

    def counted(self):
        """What the count and the average rating take in: all but what moderators hid (a member who left
        still counts, anonymously)."""
        return self.exclude(status=ReflectionStatus.HIDDEN)

    def with_open_reports(self):
        return self.annotate(open_reports=open_reports())


def _rating_field(label: str):
    return models.PositiveSmallIntegerField(label, validators=ONE_TO_FIVE)


class Reflection(models.Model):
    """What a member who was there thought of the evening: four ratings and what they noticed."""

    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="reflections")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="reflections"
    )
    print_rating = _rating_field("the print")
    sound_rating = _rating_field("the sound")
    room_rating = _rating_field("the room")
    discussion_rating = _rating_field("the discussion")
    noticed = models.TextField("what I noticed this time", max_length=3000, blank=True)
    status = models.CharField(max_length=10, choices=ReflectionStatus.choices, default=ReflectionStatus.PUBLISHED)
    created = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["screening", "member"], name="one_reflection_per_member_and_screening"),
            *(
                models.CheckConstraint(condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 5}), name=f"{name}_1_to_5")
                for name, _ in ASPECTS
            ),
        ]

    def __str__(self) -> str:
        # No words: this is what the admin's log keeps, and a member who leaves takes their words along.
        return f"Reflection {self.pk} on {self.screening}"

    def get_absolute_url(self) -> str:
        return f"{self.screening.get_absolute_url()}#reflection-{self.pk}"

    @property
    def rating(self) -> float:
        return sum(getattr(self, name) for name, _ in ASPECTS) / len(ASPECTS)

    @property
    def ratings(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in ASPECTS]

    @property
    def author_name(self) -> str:
        return self.member.public_name if self.member_id else "Former member"

    def can_edit(self, member, now=None) -> bool:
        now = now or timezone.now()
        mine = member.is_authenticated and self.member_id == member.pk
        return mine and self.status == ReflectionStatus.PUBLISHED and now - self.created <= REFLECTION_EDIT_WINDOW


class ReflectionReport(models.Model):
    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_reports")
    reason = models.CharField(max_length=10, choices=ReportReason.choices)
    note = models.CharField(max_length=300, blank=True)
    dismissed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["reflection", "reporter"], name="one_report_per_member_and_reflection")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · reflection {self.reflection_id}"
