"""A screening's door list: who is going, who waits, who came, read once; and the same list as CSV rows,
for the door page's download and the admin's export alike."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from django.utils import timezone

from screenings.models import HOLDING, Rsvp, RsvpStatus, Screening, normalise_ticket_code
from screenings.services.seats import in_queue_order


def listed(rsvps: QuerySet) -> QuerySet:
    """The RSVPs a door list shows (all but the cancelled), with what their rows need."""
    return rsvps.exclude(status=RsvpStatus.CANCELLED).select_related("member", "checked_in_by")


@dataclass
class DoorList:
    """A screening's door, worked out from its RSVPs read once."""

    screening: Screening
    rows: list[Rsvp]
    now: object = field(default_factory=timezone.now)

    @cached_property
    def going(self) -> list[Rsvp]:
        return sorted((r for r in self.rows if r.status == RsvpStatus.GOING), key=lambda r: r.name.casefold())

    @cached_property
    def queue(self):
        return in_queue_order(self.rows)

    @cached_property
    def offered(self) -> list[Rsvp]:
        return [r for r in self.rows if r.status == RsvpStatus.OFFERED]

    @cached_property
    def expected(self) -> int:
        return sum(r.party_size for r in self.rows if r.status == RsvpStatus.GOING)

    @cached_property
    def arrived(self) -> int:
        return sum(r.party_size for r in self.rows if r.status == RsvpStatus.GOING and r.checked_in_at)

    @cached_property
    def free(self) -> int:
        return max(self.screening.capacity - sum(r.party_size for r in self.rows if r.status in HOLDING), 0)

    @property
    def started(self) -> bool:
        return self.screening.starts_at <= self.now

    @property
    def no_shows(self) -> int:
        """After the start: seats going and not checked in. Nothing is deleted; they are just not there."""
        return self.expected - self.arrived if self.started else 0

    @property
    def next_fits(self) -> bool:
        return any(place.seats <= self.free for place in self.queue)

    def search(self, text: str) -> list[Rsvp]:
        """A ticket code (exactly, however typed) or part of a name."""
        code = normalise_ticket_code(text)
        exact = [r for r in self.rows if r.code == code]
        if exact:
            return exact
        words = text.casefold().split()
        return [r for r in self.going if all(w in r.name.casefold() for w in words)]


def door_list(screening: Screening) -> DoorList:
    rows = listed(Rsvp.objects.filter(screening=screening))
    return DoorList(screening, list(rows.order_by("queued_at", "pk")))


def csv_header(*, emails: bool) -> list[str]:
    columns = ["name", "member", "email", "ticket", "status", "guests", "guests waiting", "walk-in", "arrived",
               "checked in by", "no-show", "since"]  # fmt: skip
    return columns if emails else [c for c in columns if c != "email"]


def csv_row(booking: Rsvp, *, started: bool, emails: bool) -> list:
    """One RSVP as a row of the door list; every cell a member or an organiser typed goes through safe_cell."""
    member = booking.member
    arrived = f"{timezone.localtime(booking.checked_in_at):%Y-%m-%d %H:%M}" if booking.checked_in_at else ""
    no_show = started and booking.status == RsvpStatus.GOING and not booking.checked_in_at
    row = [
        safe_cell(booking.name),
        safe_cell(member.username if member else ""),
        safe_cell(member.email if member else ""),
        booking.code,
        booking.get_status_display(),
        booking.guests,
        booking.waiting_guests,
        "yes" if booking.walk_in else "",
        arrived,
        safe_cell(booking.checked_in_by.username if booking.checked_in_at and booking.checked_in_by else ""),
        "yes" if no_show else "",
        f"{timezone.localtime(booking.queued_at):%Y-%m-%d %H:%M}",
    ]
    return row if emails else row[:2] + row[3:]


# A cell starting with one of these runs as a formula (or is read as one after a tab or a line break) in a
# spreadsheet; so does any part of it after a `;` or `,`, which a spreadsheet may take as its list separator.
FORMULA = re.compile(r"(?:^|[;,])\s*[=+\-@\t\r]")


def safe_cell(value: str) -> str:
    return f"'{value}" if FORMULA.search(value) else value
