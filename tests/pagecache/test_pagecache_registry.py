"""Models that visitors see retire cached pages on every kind of write, with no call at the write site."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pagecache
from discussion.models import Report
from facts.models import Fact, FaqEntry
from pagecache import registry
from screenings.models import Rsvp, RsvpStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def retired():
    """Call it after a write: True when the page cache's version changed since the fixture was made."""
    before = pagecache.current_version()

    def check() -> bool:
        nonlocal before
        changed, before = pagecache.current_version() != before, pagecache.current_version()
        return changed

    return check


def test_save_delete_and_bulk_writes_retire_cached_pages(fact, make_fact, retired):
    fact.title = "Golden Palm"
    fact.save()
    assert retired()
    Fact.objects.filter(pk=fact.pk).update(published=False)
    assert retired()
    Fact.objects.bulk_create([Fact(title="New", slug="new", summary="S", body="B", category=fact.category)])
    assert retired()
    make_fact().delete()
    assert retired()
    Fact.objects.filter(slug="new").delete()
    assert retired()


def test_writes_that_change_nothing_leave_the_cache_alone(fact, retired):
    Fact.objects.filter(slug="no-such-fact").update(title="Nothing")
    Fact.objects.filter(slug="no-such-fact").delete()
    assert not retired()


def test_linking_facts_to_an_faq_entry_retires_cached_pages(fact, retired):
    entry = FaqEntry.objects.create(question="Why?", slug="why", answer="Because.")
    retired()
    entry.facts.add(fact)
    assert retired()
    entry.facts.clear()
    assert retired()


def test_fields_visitors_never_see_do_not_retire_cached_pages(member, screening, retired):
    booking = Rsvp.objects.create(member=member, screening=screening, status=RsvpStatus.GOING)
    retired()
    member.last_login = timezone.now()
    member.save(update_fields=["last_login"])
    Rsvp.objects.filter(pk=booking.pk).update(reminder_queued_at=timezone.now())
    assert not retired()
    Rsvp.objects.filter(pk=booking.pk).update(status=RsvpStatus.CANCELLED)
    assert retired()


def test_a_bulk_update_shows_at_once_to_visitors(fact):
    assert "Palme d’Or Winner" in Client().get(reverse("facts:list")).content.decode()
    Fact.objects.filter(pk=fact.pk).update(title="Golden Palm")
    assert "Golden Palm" in Client().get(reverse("facts:list")).content.decode()


def test_every_model_visitors_see_is_watched():
    watched = {model._meta.label for model in registry._watched}
    assert watched == {
        "facts.Category",
        "facts.Fact",
        "facts.Source",
        "facts.FaqEntry",
        "facts.Change",
        "facts.Text",
        "screenings.Venue",
        "screenings.Screening",
        "screenings.Rsvp",
        "screenings.Reflection",
        "discussion.Comment",
        "members.User",
    }
    for model in registry._watched:
        assert issubclass(model._default_manager._queryset_class, pagecache.PageRetiringQuerySet), model


def test_watching_a_model_whose_bulk_writes_would_go_unseen_is_refused():
    with pytest.raises(ImproperlyConfigured, match="PageRetiringQuerySet"):
        pagecache.watch(Report)
    assert Report not in registry._watched
