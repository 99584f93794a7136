"""Demo screenings for a newcomer's `make run`, dated relative to today. Real deployments skip them."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from screenings.models import Screening, Venue
from screenings.services import save_screening

VENUE = {
    "name": "The Small Hall, Riverside Arts Centre",
    "address": "12 Embankment Road\nGround floor, step-free entrance",
    "town": "Riverton",
    "postcode": "RV1 2AB",
}

NOTES = (
    "We show the 2018 2K restoration by Mosfilm, the one the Berlinale showed that year.\n\n"
    "Why this screening: a winter evening for a film whose wartime winters are half its story.\n\n"
    "What to watch for: Sergei Urusevsky's hand-held camera in the crowds, and the birch trees turning "
    "above Boris in the forest."
)

# An ended demo is moved forward again; one with "past" stays in the archive, as an evening that happened.
DEMOS = [
    {
        "slug": "demo-club-screening",
        "title": "Club screening: the 2018 restoration",
        "days_ahead": 7,
        "capacity": 40,
        "max_guests": 1,
        "price": "£5, £3 for members",
        "print_version": "2018 2K restoration (Mosfilm)",
        "description": "Our regular screening, with a short introduction and a discussion afterwards.",
        "programme_notes": NOTES,
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
    {
        "slug": "demo-winter-evening",
        "title": "A winter evening with the cranes",
        "days_ahead": -30,
        "past": True,
        "capacity": 30,
        "max_guests": 1,
        "print_version": "2018 2K restoration (Mosfilm)",
        "description": "The film in winter, with mulled wine and a long discussion.",
        "programme_notes": NOTES,
    },
]


@transaction.atomic
def load_demo_screenings(today=None) -> list[str]:
    """Create the demo screenings that are missing, and move ended ones forward again. Returns what changed."""
    today = today or timezone.localdate()
    venue, _ = Venue.objects.get_or_create(name=VENUE["name"], defaults=VENUE)
    changed = []
    for demo in DEMOS:
        fields = {key: value for key, value in demo.items() if key not in ("slug", "days_ahead", "past")}
        starts_at = timezone.make_aware(datetime.combine(today + timedelta(days=demo["days_ahead"]), time(19, 30)))
        screening = Screening.objects.filter(slug=demo["slug"]).first()
        if screening is None:
            Screening.objects.create(slug=demo["slug"], starts_at=starts_at, venue=venue, **fields)
            changed.append(f"created {demo['slug']}")
        elif screening.ends_at < timezone.now() and not demo.get("past"):
            screening.starts_at = starts_at
            save_screening(screening=screening)
            changed.append(f"moved {demo['slug']} to {starts_at:%Y-%m-%d}")
    return changed
