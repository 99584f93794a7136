import re
from datetime import timedelta
from itertools import count
from unittest import mock

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from facts.models import Category, Fact, FaqEntry, Source, Status

# moto's S3-compatible server and a bucket for the site's media (tests/s3.py).
pytest_plugins = ["tests.s3"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def category(db):
    return Category.objects.create(name="Awards and reception", slug="awards", position=1)


@pytest.fixture
def other_category(db):
    return Category.objects.create(name="Music", slug="music", position=2)


def numbered(create, defaults):
    """A maker for a fixture: each call creates a row numbered 1, 2, ..., from defaults(number) and the fields given."""
    numbers = count(1)

    def make(**fields):
        return create(**{**defaults(next(numbers)), **fields})

    return make


@pytest.fixture
def make_fact(category):
    return numbered(
        Fact.objects.create,
        lambda n: {
            "title": f"Fact number {n}",
            "slug": f"fact-{n}",
            "summary": f"Summary of fact {n}.",
            "body": f"Body of fact {n}.",
            "category": category,
            "position": n,
        },
    )


@pytest.fixture
def fact(make_fact):
    fact = make_fact(
        title="Palme d’Or Winner",
        slug="palme-dor-winner",
        summary="Won the Palme d'Or at Cannes in 1958.",
        status=Status.VERIFIED,
    )
    Source.objects.create(fact=fact, title="Palmarès du Festival 1958", publisher="INA", url="https://example.org/ina")
    return fact


@pytest.fixture
def faq_entry(fact):
    entry = FaqEntry.objects.create(question="What awards has it won?", slug="awards", answer="The Palme d'Or.")
    entry.facts.add(fact)
    return entry


def confirmed(user):
    """A member whose email address is confirmed, as every member is once they have followed the link."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def with_two_factor(user) -> str:
    """Turn on TOTP for a staff account, as the admin requires; returns the secret, to make codes with."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def member(django_user_model):
    return confirmed(django_user_model.objects.create_user("veronika", "veronika@example.org", "squirrel-1941"))


@pytest.fixture
def unconfirmed_member(django_user_model):
    return django_user_model.objects.create_user("lena", "lena@example.org", "squirrel-1941")


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "cranes-1957", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    with_two_factor(confirmed(user))
    return user


@pytest.fixture
def admin_user(django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    with_two_factor(confirmed(user))
    return user


def log_in_with_two_factor(client, user) -> None:
    """force_login, and record in the session that it gave its second factor, as allauth's log-in does."""
    import time

    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "at": time.time(), "type": "totp"}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


@pytest.fixture
def curator_client(client, curator):
    log_in_with_two_factor(client, curator)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    log_in_with_two_factor(client, admin_user)
    return client


@pytest.fixture
def venue(db):
    from screenings.models import Venue

    return Venue.objects.create(name="The Small Hall", address="12 Embankment Road")


@pytest.fixture
def make_screening(venue):
    from screenings.models import Screening

    return numbered(
        Screening.objects.create,
        lambda n: {
            "title": f"Screening {n}",
            "slug": f"screening-{n}",
            "starts_at": timezone.now() + timedelta(days=n),
            "venue": venue,
            "capacity": 3,
        },
    )


@pytest.fixture
def screening(make_screening):
    return make_screening(title="Autumn screening", slug="autumn", max_guests=2)


@pytest.fixture
def make_member(django_user_model):
    return numbered(
        lambda **fields: confirmed(django_user_model.objects.create_user(password="pw", **fields)),  # noqa: S106
        lambda n: {"username": f"member{n}", "email": f"member{n}@example.org"},
    )


@pytest.fixture
def other_member(make_member):
    return make_member(username="boris", display_name="Boris")


@pytest.fixture
def seasoned(django_user_model):
    """Makes members a week old, so the stricter limit for new accounts does not apply."""

    def age(*members):
        django_user_model.objects.filter(pk__in=[m.pk for m in members]).update(
            date_joined=timezone.now() - timedelta(days=7)
        )
        for m in members:
            m.refresh_from_db()

    return age


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, so no page or fragment kept by another test is served."""
    from django.core.cache import cache

    from core import proxies
    from pagecache import memory
    from pagecache.redis_cache import breaker

    proxies._seen = False  # X-Forwarded-For seen by an earlier test's request
    breaker.reset()
    cache.clear()
    memory.recent.clear()
    yield
    breaker.reset()
    cache.clear()
    memory.recent.clear()


@pytest.fixture
def run_worker():
    """Run the task worker until nothing is ready, as if `later` had passed (RSVP notices wait a minute)."""

    def run(later: timedelta = timedelta(minutes=2)) -> None:
        # The worker closes stale connections between tasks; in a test that would close the test's own.
        with (
            time_machine.travel(timezone.now() + later, tick=False),
            mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
        ):
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    return run


@pytest.fixture
def confirm_by_email(run_worker, mailoutbox, settings):
    """Deliver the queued emails, then follow the confirmation link in the last one, as a new member does."""

    def confirm(client) -> None:
        run_worker()
        body = mailoutbox[-1].body
        link = next(word for word in body.split() if "/accounts/confirm-email/" in word)
        path = link.removeprefix(settings.SITE_URL)
        assert client.post(path).status_code == 302

    return confirm


def without_stylesheet(html: str) -> str:
    """A page without the stylesheet every page inlines (core.stylesheet), for tests that search its text."""
    return re.sub(r"<style>.*?</style>", "", html, count=1, flags=re.S)
