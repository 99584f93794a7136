"""Run by benchmarks/notices.py in the site's environment: an organiser cancels a full screening in the admin."""

import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cranesclub.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from members.models import User  # noqa: E402
from screenings.models import Rsvp, RsvpStatus, Screening, Venue  # noqa: E402

rsvps = int(sys.argv[1])
venue = Venue.objects.create(name="Hall", address="Road")
screening = Screening.objects.create(
    title="Full house", slug="full-house", starts_at=timezone.now() + timedelta(days=3), venue=venue, capacity=rsvps
)
members = User.objects.bulk_create(User(username=f"m{n}", email=f"m{n}@example.org") for n in range(rsvps))
Rsvp.objects.bulk_create(Rsvp(member=m, screening=screening, status=RsvpStatus.GOING) for m in members)
EmailAddress.objects.bulk_create(EmailAddress(user=m, email=m.email, verified=True, primary=True) for m in members)
organiser = User.objects.create_superuser("organiser", "organiser@example.org", "not-used")
client = Client(SERVER_NAME="localhost", headers={"x-forwarded-proto": "https"})
client.force_login(organiser)
action = {"action": "cancel_screenings", "_selected_action": [screening.pk]}
with CaptureQueriesContext(connection) as queries:
    started = time.perf_counter()
    response = client.post(reverse("admin:screenings_screening_changelist"), action, secure=True)
    seconds = time.perf_counter() - started
assert response.status_code == 302, response.status_code
assert Screening.objects.get(pk=screening.pk).is_cancelled
print(json.dumps({"seconds": seconds, "queries": len(queries)}))
