"""Every write that counts seats or changes a screening goes through here, from views, admin actions,
commands and tasks alike.

Each function runs in one transaction and locks the screening row first (`seats.lock()`), so two
members RSVPing at once, a claim and an expiry, a walk-in and a cancellation are counted one after the
other and never overbook. The modules:

- `seats`: the lock, free seats, the waitlist's order, offers and their expiry (and its task);
- `rsvps`: a member's own RSVP, guests, claiming an offer, cancelling;
- `door`: check-in and undo, walk-ins, the next in line;
- `schedule`: an organiser's changes and cancellations, reminders;
- `reflections`: what members thought, its invitation and its moderation.
"""

from screenings.services.door import DoorRefused, check_in, give_seat_to_next, undo_check_in, walk_in
from screenings.services.reflections import (
    ReflectionRefused,
    dismiss_reflection_reports,
    hide_reflections,
    queue_reflection_invitations,
    report_reflection,
    restore_reflections,
    why_not_reflect,
    write_reflection,
)
from screenings.services.rsvps import (
    PartyDoesNotFit,
    RsvpRefused,
    Short,
    cancel_rsvp,
    change_guests,
    claim_offer,
    open_to_newcomers,
    rsvp,
)
from screenings.services.schedule import cancel_screening, queue_reminders, save_screening
from screenings.services.seats import (
    Refused,
    check_offers,
    expire_offers,
    fill_free_seats,
    free_seats,
    place_in_queue,
    seats_held,
)

__all__ = [
    "DoorRefused",
    "PartyDoesNotFit",
    "ReflectionRefused",
    "Refused",
    "RsvpRefused",
    "Short",
    "cancel_rsvp",
    "cancel_screening",
    "change_guests",
    "check_in",
    "check_offers",
    "claim_offer",
    "dismiss_reflection_reports",
    "expire_offers",
    "fill_free_seats",
    "free_seats",
    "give_seat_to_next",
    "hide_reflections",
    "open_to_newcomers",
    "place_in_queue",
    "queue_reflection_invitations",
    "queue_reminders",
    "report_reflection",
    "restore_reflections",
    "rsvp",
    "save_screening",
    "seats_held",
    "undo_check_in",
    "walk_in",
    "why_not_reflect",
    "write_reflection",
]
