"""Walks every URL pattern of the site and proves that each view accepting POST refuses one without a CSRF token."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

SAMPLE_KWARGS = {"slug": "palme-dor-winner", "pk": "1", "kind": "fact", "username": "veronika", "token": "x"}
SKIP_PREFIXES = ("admin/", "media/")


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def concrete(route: str) -> str:
    import re

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SAMPLE_KWARGS.get(m.group(1), "x"), route).lstrip("^").rstrip(
        "$"
    )


ROUTES = sorted({concrete(r) for r in walk(get_resolver().url_patterns) if not r.startswith(SKIP_PREFIXES)})


def test_the_walk_finds_the_sites_post_views():
    assert "/discussion/fact/palme-dor-winner/post/" in ROUTES
    assert "/screenings/palme-dor-winner/rsvp/" in ROUTES
    assert "/accounts/signup/" in ROUTES


@pytest.mark.parametrize("path", ROUTES)
def test_post_without_csrf_token_is_refused(path, fact, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(path, {"text": "x", "reason": "spam"})
    # 403: CSRF refused; 405: the view takes no POST; 404/400: nothing there to change.
    assert response.status_code in (403, 404, 405, 400), (path, response.status_code)
    if response.status_code != 403:
        fresh = Client()
        fresh.force_login(member)
        assert fresh.post(path, {}).status_code in (404, 405, 400), f"{path} accepts POST but was not refused by CSRF"


def test_admin_post_without_csrf_token_is_refused(curator, fact):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    assert client.post("/admin/facts/fact/", {"action": "publish", "_selected_action": [fact.pk]}).status_code == 403
