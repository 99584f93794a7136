"""Demo screenings for a newcomer's `make run`, dated relative to today. Real deployments skip them."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from screenings.models import Screening, Venue
from screenings.services import save_screening

VENUE = {
    "name": "The Small Hall, Riverside Arts Centre",
    "address": "12 Embankment Road\nGround floor, step-free entrance",
}

DEMOS = [
    {
        "slug": "demo-club-screening",
        "title": "Club screening: the 2018 restoration",
        "days_ahead": 7,
        "capacity": 40,
        "max_guests": 1,
        "print_version": "2018 2K restoration (Mosfilm)",
        "description": "Our regular screening, with a short introduction and a discussion afterwards.",
    },
    {
        "slug": "demo-cinematography-evening",
        "title": "Urusevsky's camera: a close-viewing evening",
        "days_ahead": 14,
        "capacity": 12,
        "max_guests": 0,
        "print_version": "2018 2K restoration (Mosfilm)",
        "description": "We watch the film, then replay four sequences and talk about how they were shot.",
    },
    {
        "slug": "demo-new-members-night",
        "title": "New members' night",
        "days_ahead": 28,
        "capacity": 3,
        "max_guests": 2,
        "print_version": "DCP",
        "description": "A small screening for people new to the film. Bring a friend.",
    },
]


@transaction.atomic
def load_demo_screenings(today=None) -> list[str]:
    """Create the demo screenings that are missing, and move ended ones forward again. Returns what changed."""
    today = today or timezone.localdate()
    venue, _ = Venue.objects.get_or_create(name=VENUE["name"], defaults={"address": VENUE["address"]})
    changed = []
    for demo in DEMOS:
        fields = {key: value for key, value in demo.items() if key not in ("slug", "days_ahead")}
        starts_at = timezone.make_aware(datetime.combine(today + timedelta(days=demo["days_ahead"]), time(19, 30)))
        screening = Screening.objects.filter(slug=demo["slug"]).first()
        if screening is None:
            Screening.objects.create(slug=demo["slug"], starts_at=starts_at, venue=venue, **fields)
            changed.append(f"created {demo['slug']}")
        elif screening.ends_at < timezone.now():
            screening.starts_at = starts_at
            save_screening(screening=screening)
            changed.append(f"moved {demo['slug']} to {starts_at:%Y-%m-%d}")
    return changed
