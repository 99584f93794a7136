"""Each page runs a fixed number of queries, however many facts there are."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from discussion.models import Comment
from facts.models import FaqEntry, Source
from screenings import services
from screenings.models import Rsvp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_sessions(settings):
    # With REDIS_URL sessions are read from the cache; pin one backend so the counts are exact on both runs.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


def make_many(make_fact, count):
    author = get_user_model().objects.create_user("talker", "talker@example.org", "pw")
    facts = [make_fact(featured=True) for _ in range(count)]
    for fact in facts:
        Source.objects.create(fact=fact, title="A source")
        entry = FaqEntry.objects.create(question=f"About {fact.slug}?", slug=fact.slug, answer="Yes.")
        entry.facts.add(fact)
        thread = Comment.objects.create(fact=fact, author=author, text="A thought.")
        Comment.objects.create(fact=fact, author=author, text="A reply.", parent=thread)
    return facts


PAGES = {
    "home": (lambda facts: reverse("facts:home"), 2),
    "fact list": (lambda facts: reverse("facts:list"), 3),
    "fact search": (lambda facts: reverse("facts:list") + "?q=fact&category=awards", 3),
    # fact, sources, previous, next, related, comment count, threads, replies
    "fact detail": (lambda facts: facts[len(facts) // 2].get_absolute_url(), 8),
    "faq": (lambda facts: reverse("facts:faq"), 2),
}


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_does_not_grow_with_facts(client, make_fact, django_assert_num_queries, page, count):
    url_for, expected = PAGES[page]
    url = url_for(make_many(make_fact, count))
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def make_screenings_with_rsvps(make_screening, make_member, count):
    members = [make_member() for _ in range(5)]
    screenings = [make_screening(capacity=3) for _ in range(count)]
    for screening in screenings:
        for member in members:
            services.rsvp(member=member, screening=screening)
    return screenings


@pytest.mark.parametrize("count", [1, 50])
def test_screening_list_query_count_does_not_grow(
    client, make_screening, make_member, django_assert_num_queries, count
):
    make_screenings_with_rsvps(make_screening, make_member, count)
    with django_assert_num_queries(1):
        assert client.get(reverse("screenings:list")).status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_screening_detail_query_count_does_not_grow_with_rsvps(
    client, make_screening, make_member, django_assert_num_queries, count
):
    screening = make_screening(capacity=count)
    for _ in range(count + 2):
        booking = services.rsvp(member=make_member(), screening=screening)
        thread = Comment.objects.create(screening=screening, author=booking.member, text="See you there.")
        Comment.objects.create(screening=screening, author=booking.member, text="Me too.", parent=thread)
    waiting = Rsvp.objects.filter(status="waitlisted").last().member
    # screening, comment count, threads, replies
    with django_assert_num_queries(4):
        assert client.get(screening.get_absolute_url()).status_code == 200
    client.force_login(waiting)
    # session, user, then the above, own RSVP, waitlist position, who is going
    with django_assert_num_queries(9):
        assert client.get(screening.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [1, 500])
def test_fact_page_with_many_comments_keeps_its_query_count(
    client, make_fact, make_member, django_assert_num_queries, count
):
    fact = make_fact()
    author = make_member()
    threads = Comment.objects.bulk_create(Comment(fact=fact, author=author, text=f"T{n}") for n in range(count))
    Comment.objects.bulk_create(Comment(fact=fact, author=author, text="R", parent=t) for t in threads[:20])
    # fact, sources, previous, next, related, comment count, threads, replies
    with django_assert_num_queries(8):
        assert client.get(fact.get_absolute_url()).status_code == 200
    client.force_login(author)
    with django_assert_num_queries(10):
        assert client.get(fact.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [1, 500])
def test_discussion_page_query_count(client, make_fact, make_member, django_assert_num_queries, count):
    fact, author = make_fact(), make_member()
    Comment.objects.bulk_create(Comment(fact=fact, author=author, text=f"C{n}") for n in range(count))
    with django_assert_num_queries(2):
        assert client.get(reverse("discussion:latest")).status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_profile_page_query_count(client, make_fact, make_screening, make_member, django_assert_num_queries, count):
    member = make_member()
    fact = make_fact()
    for _ in range(count):
        Comment.objects.create(fact=fact, author=member, text="Hi")
        services.rsvp(member=member, screening=make_screening(capacity=5))
    with django_assert_num_queries(3):
        assert client.get(member.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [1, 500])
def test_screening_page_with_many_comments_keeps_its_query_count(
    client, make_screening, make_member, django_assert_num_queries, count
):
    screening, author = make_screening(), make_member()
    threads = Comment.objects.bulk_create(
        Comment(screening=screening, author=author, text=f"T{n}") for n in range(count)
    )
    Comment.objects.bulk_create(Comment(screening=screening, author=author, text="R", parent=t) for t in threads[:20])
    # screening, comment count, threads, replies
    with django_assert_num_queries(4):
        assert client.get(screening.get_absolute_url()).status_code == 200
