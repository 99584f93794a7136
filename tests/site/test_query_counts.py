"""Every public page runs a fixed number of queries, whether the site is tiny or large.

Small: 1 fact, 1 screening, a few RSVPs and comments. Large: 200 facts, 50 screenings with RSVPs,
500 comments with replies. The page cache is off here: these are the counts of a cache miss.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from discussion.models import Comment
from facts import search
from facts.models import Category, Fact, FaqEntry, Source
from screenings.models import Rsvp, RsvpStatus, Screening, Venue

pytestmark = pytest.mark.django_db

SIZES = {"small": (1, 1, 4), "large": (200, 50, 500)}


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.CLUB_PAGE_CACHE_SECONDS = 0
    # With REDIS_URL sessions are read from the cache; pin one backend so the counts are exact on both runs.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


@pytest.fixture(params=SIZES)
def site(request, db):
    facts_n, screenings_n, comments_n = SIZES[request.param]
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"m{n}", email=f"m{n}@example.org") for n in range(10)
    )
    category = Category.objects.create(name="Awards", slug="awards")
    facts = Fact.objects.bulk_create(
        Fact(title=f"Fact {n}", slug=f"fact-{n}", summary="S", body="B", category=category, position=n, featured=n < 3)
        for n in range(facts_n)
    )
    search.refresh(Fact)  # bulk_create skips the save that folds each fact's text for search
    Source.objects.bulk_create(Source(fact=f, title="A source") for f in facts)
    entry = FaqEntry.objects.create(question="Why?", slug="why", answer="Because.")
    entry.facts.set(facts[:5])
    venue = Venue.objects.create(name="Hall", address="Road")
    start = timezone.now() + timedelta(days=1)
    screenings = [
        Screening.objects.create(
            title=f"S{n}", slug=f"s-{n}", starts_at=start + timedelta(days=n), venue=venue, capacity=5
        )
        for n in range(screenings_n)
    ]
    Rsvp.objects.bulk_create(
        Rsvp(member=u, screening=s, status=RsvpStatus.GOING if i < 5 else RsvpStatus.WAITLISTED)
        for s in screenings
        for i, u in enumerate(users)
    )
    targets = [{"fact": facts[0]}, {"screening": screenings[0]}]
    threads = Comment.objects.bulk_create(
        Comment(author=users[n % 10], text=f"C{n}", **targets[n % 2]) for n in range(comments_n // 2)
    )
    Comment.objects.bulk_create(
        Comment(author=users[n % 10], text=f"R{n}", parent=t, fact=t.fact, screening=t.screening)
        for n, t in enumerate(threads[: comments_n - len(threads)])
    )
    return {"fact": facts[0], "screening": screenings[0], "member": users[0]}


PAGES = {
    # page: (url, queries for a visitor, queries for a member). Lists of facts and screenings count their
    # comments in a query of discussion's own ({% count_comments %}): facts and screenings know nothing of it.
    "home": (lambda s: reverse("home:index"), 3, 5),
    "fact list": (lambda s: reverse("facts:list"), 4, 6),
    "fact search": (lambda s: reverse("facts:list") + "?q=fact&category=awards", 4, 6),
    "fact detail": (lambda s: s["fact"].get_absolute_url(), 6, 8),
    "faq": (lambda s: reverse("facts:faq"), 2, 4),
    "statuses": (lambda s: reverse("facts:statuses"), 1, 3),
    "screening list": (lambda s: reverse("screenings:list"), 2, 4),
    "past screenings": (lambda s: reverse("screenings:past"), 1, 3),
    "screening detail": (lambda s: s["screening"].get_absolute_url(), 3, 8),
    "discussion": (lambda s: reverse("discussion:latest"), 2, 4),
    "member profile": (lambda s: s["member"].get_absolute_url(), 2, 6),
    "about": (lambda s: reverse("home:about"), 1, 3),
    "contact": (lambda s: reverse("home:contact"), 0, 2),
    "privacy": (lambda s: reverse("home:privacy"), 0, 2),
}


@pytest.mark.parametrize("page", PAGES)
def test_visitor_query_count_is_fixed(client, site, django_assert_num_queries, page):
    url, visitor, _ = PAGES[page]
    with django_assert_num_queries(visitor):
        assert client.get(url(site)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_member_query_count_is_fixed(client, site, django_assert_num_queries, page):
    url, _, member = PAGES[page]
    client.force_login(site["member"])
    with django_assert_num_queries(member):
        assert client.get(url(site)).status_code == 200


def test_visitors_pages_run_at_most_six_queries():
    # The most is a fact's page: the fact, its sources, its changes, its neighbours and its thread with replies.
    assert max(visitor for _, visitor, _ in PAGES.values()) <= 6


# Once warm, a member's page reads only what is theirs or changes on every visit (their booking, the latest
# comments, their own profile): the rest comes from fragments, rows and their account kept under the
# content and accounts versions.
WARM_MEMBER_PAGES = {
    "home": (lambda s: reverse("home:index"), 0),
    "fact list": (lambda s: reverse("facts:list"), 0),
    "fact detail": (lambda s: s["fact"].get_absolute_url(), 0),
    "screening list": (lambda s: reverse("screenings:list"), 0),
    "screening detail": (lambda s: s["screening"].get_absolute_url(), 1),
    "faq": (lambda s: reverse("facts:faq"), 2),
    "statuses": (lambda s: reverse("facts:statuses"), 0),
    "past screenings": (lambda s: reverse("screenings:past"), 0),
    "discussion": (lambda s: reverse("discussion:latest"), 2),
    "member profile": (lambda s: s["member"].get_absolute_url(), 3),
}


@pytest.mark.parametrize("page", WARM_MEMBER_PAGES)
def test_a_members_page_runs_at_most_three_queries_once_its_fragments_are_warm(client, site, settings, page):
    settings.CLUB_PAGE_CACHE_SECONDS = 300
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # the session from the cache
    client.force_login(site["member"])
    url, expected = WARM_MEMBER_PAGES[page]
    client.get(url(site))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(site)).status_code == 200
    assert len(queries) == expected <= 3, [q["sql"][:90] for q in queries.captured_queries]


def test_a_facts_page_runs_as_many_queries_with_50_history_entries_20_changes_and_20_suggestions(
    client, site, django_assert_num_queries
):
    from facts.models import Status, Suggestion

    fact = site["fact"]
    members_for_credit = list(get_user_model().objects.all()[:10])
    for n in range(50):  # 50 history entries, 20 of them changes of status readers are told about
        fact.summary = f"Summary {n}"
        fact.status = [Status.VERIFIED, Status.DISPUTED][n % 2] if n < 20 else fact.status
        fact.save(change_note=f"Note {n}" if n < 20 else "", credit=members_for_credit[n % 10] if n < 20 else None)
    Suggestion.objects.bulk_create(
        Suggestion(fact=fact, member=members_for_credit[n % 10], problem="p", proposal="q", sources="https://e.org")
        for n in range(20)
    )
    assert fact.history.count() >= 50 and fact.changes.filter(credit__isnull=False).count() == 20
    url, visitor, member = PAGES["fact detail"]
    with django_assert_num_queries(visitor):
        assert client.get(url(site)).status_code == 200
    client.force_login(site["member"])
    with django_assert_num_queries(member):
        assert client.get(url(site)).status_code == 200
