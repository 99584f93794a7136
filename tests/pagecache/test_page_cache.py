import pytest
from django.test import Client
from django.urls import reverse

from discussion import services as discussion
from discussion.models import Comment
from facts.models import Fact
from screenings import services as screenings

pytestmark = pytest.mark.django_db


def visitor_sees(path: str) -> str:
    return Client().get(path).content.decode()


def test_a_repeat_visit_is_served_from_the_cache_without_queries(fact, django_assert_num_queries):
    visitor_sees(fact.get_absolute_url())
    with django_assert_num_queries(0):
        assert "Palme d’Or Winner" in visitor_sees(fact.get_absolute_url())


def test_a_curators_edit_in_the_admin_shows_at_once(curator_client, fact):
    assert "Palme d’Or Winner" in visitor_sees(reverse("facts:list"))
    curator_client.post(
        reverse("admin:facts_fact_change", args=[fact.pk]),
        {
            "title": "Golden Palm",
            "slug": fact.slug,
            "category": fact.category_id,
            "position": 1,
            "published": "on",
            "summary": "S",
            "body": "B",
            "status": "verified",
            "sources-TOTAL_FORMS": 0,
            "sources-INITIAL_FORMS": 0,
        },
    )
    assert "Golden Palm" in visitor_sees(reverse("facts:list"))
    assert "Golden Palm" in visitor_sees(fact.get_absolute_url())


def test_a_bulk_unpublish_in_the_admin_shows_at_once(curator_client, fact):
    assert "Palme d’Or Winner" in visitor_sees(reverse("facts:list"))
    curator_client.post(reverse("admin:facts_fact_changelist"), {"action": "unpublish", "_selected_action": [fact.pk]})
    assert "Palme d’Or Winner" not in visitor_sees(reverse("facts:list"))
    assert Client().get(fact.get_absolute_url()).status_code == 404


def test_a_new_comment_shows_at_once(fact, member):
    visitor_sees(fact.get_absolute_url())
    discussion.post_comment(author=member, target=fact, text="Fresh thought")
    assert "Fresh thought" in visitor_sees(fact.get_absolute_url())
    assert "Fresh thought" in visitor_sees(reverse("discussion:latest"))


def test_hiding_a_comment_shows_at_once(fact, member):
    comment = discussion.post_comment(author=member, target=fact, text="Rude words")
    assert "Rude words" in visitor_sees(fact.get_absolute_url())
    discussion.hide_comments(Comment.objects.filter(pk=comment.pk))
    assert "Rude words" not in visitor_sees(fact.get_absolute_url())


def test_an_rsvp_updates_the_seats_visitors_see(screening, member):
    assert "3 of 3 seats left" in visitor_sees(reverse("screenings:list"))
    screenings.rsvp(member=member, screening=screening)
    assert "2 of 3 seats left" in visitor_sees(reverse("screenings:list"))


def test_members_see_their_own_state_not_the_cached_page(client, screening, member):
    visitor_sees(screening.get_absolute_url())
    screenings.rsvp(member=member, screening=screening)
    client.force_login(member)
    assert "You're going" in client.get(screening.get_absolute_url()).content.decode()


def test_a_visitor_with_a_pending_message_is_never_served_or_stored_in_the_cache(client, rf, screening):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    visitor_sees(reverse("screenings:list"))  # the page is now in the cache
    client.cookies["messages"] = CookieStorage(rf.get("/"))._encode([Message(constants.INFO, "A note for you")])
    assert "A note for you" in client.get(reverse("screenings:list")).content.decode()
    assert "A note for you" not in visitor_sees(reverse("screenings:list"))


def test_repeat_requests_get_304_not_modified(client, fact):
    first = client.get(fact.get_absolute_url())
    etag = first["ETag"]
    again = client.get(fact.get_absolute_url(), headers={"if-none-match": etag})
    assert again.status_code == 304
    # Compressed, the page left with its ETag weakened (core.compression): a browser sends that form back.
    weakened = client.get(fact.get_absolute_url(), headers={"if-none-match": f'"other", W/{etag}'})
    assert weakened.status_code == 304
    Fact.objects.filter(pk=fact.pk).update(summary="Changed")  # no signal: the cached copy stands
    fact.summary = "Changed again"
    fact.save()
    changed = client.get(fact.get_absolute_url(), headers={"if-none-match": etag})
    assert changed.status_code == 200


def test_the_cache_can_be_turned_off(settings, fact):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.CLUB_PAGE_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as first:
        visitor_sees(fact.get_absolute_url())
    with CaptureQueriesContext(connection) as second:
        visitor_sees(fact.get_absolute_url())
    assert len(second) == len(first) > 0


@pytest.mark.django_db(transaction=True)
def test_pages_are_retired_again_when_the_change_commits(fact, member):
    from django.db import transaction

    from pagecache import current_version

    before = current_version()
    with transaction.atomic():
        discussion.post_comment(author=member, target=fact, text="Committed later")
        during = current_version()
        visitor_sees(fact.get_absolute_url())  # may cache what is visible before the commit
    after = current_version()
    assert len({before, during, after}) == 3
    assert "Committed later" in visitor_sees(fact.get_absolute_url())
