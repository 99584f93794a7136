"""What the page cache takes from Django's private attributes (pagecache.internals) still behaves as it did
on the Django it was checked with; an upgrade fails here until someone checks again."""

import django
import pytest
from django.contrib.sessions.backends.cache import SessionStore
from django.http import HttpResponse

from pagecache import internals


def test_this_is_the_django_the_internals_were_checked_with():
    assert django.VERSION[:2] == internals.CHECKED_WITH, (
        "Django changed: check pagecache/internals.py against its HttpResponse headers and SessionBase, then "
        "update CHECKED_WITH"
    )


def test_headers_taken_from_a_response_give_another_the_same_headers():
    response = HttpResponse("page", content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "max-age=60"
    response["Vary"] = "Cookie"

    copied = internals.with_headers(HttpResponse(), internals.headers_of(response))

    assert copied.items() == response.items()
    assert internals.headers_of(response)["vary"] == ("Vary", "Cookie"), "lower-cased name -> (name, value)"


@pytest.mark.django_db
def test_a_preloaded_session_is_not_read_again(monkeypatch):
    session = SessionStore("a" * 32)
    monkeypatch.setattr(session, "load", lambda: pytest.fail("read again"))

    internals.preload(session, {"_auth_user_id": "7"})

    assert session["_auth_user_id"] == "7"
