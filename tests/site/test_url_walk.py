"""Walks every URL pattern of the site and proves that each view accepting POST refuses one without a CSRF token."""

import re

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


TEMPLATE_SYNTAX = re.compile(r"\{[#%{]|[#%]\}")


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_no_page_shows_template_syntax(who, fact, screening, member):
    """A {# comment #} spanning two lines is not a comment in Django's templates: it would show on the page."""
    client = Client()
    if who == "member":
        client.force_login(member)
    pages = 0
    for path in ROUTES:
        response = client.get(path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages += 1
            html = b"".join(response.streaming_content) if response.streaming else response.content
            shown = html.decode().partition("</head>")[2]  # the page, not the inlined CSS with its nested blocks
            assert not TEMPLATE_SYNTAX.search(shown), (path, TEMPLATE_SYNTAX.findall(shown))
    assert pages >= 15  # the walk reached the pages


def test_admin_post_without_csrf_token_is_refused(curator, fact):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    assert client.post("/admin/facts/fact/", {"action": "publish", "_selected_action": [fact.pk]}).status_code == 403


def fingerprint(member):
    """Everything of this member's that another member might try to change."""
    from discussion.models import Comment
    from screenings.models import Rsvp

    member.refresh_from_db()
    return (
        (member.username, member.email, member.display_name, member.bio, member.is_active, member.password),
        sorted(Comment.objects.filter(author=member).values_list("pk", "text", "status", "spoiler")),
        sorted(Rsvp.objects.filter(member=member).values_list("pk", "status", "guests")),
    )


def test_no_view_lets_one_member_change_anothers_things(make_fact, make_screening, member, other_member, seasoned):
    from discussion import services as discussion
    from screenings import services as screenings

    seasoned(member, other_member)
    fact = make_fact(slug="shared")
    screening = make_screening(slug="shared", capacity=5, max_guests=2)
    theirs = [
        discussion.post_comment(author=member, target=fact, text="Mine on a fact"),
        discussion.post_comment(author=member, target=screening, text="Mine on a screening"),
    ]
    screenings.rsvp(member=member, screening=screening, guests=1)
    before = fingerprint(member)

    hostile = {
        "text": "hijacked",
        "display_name": "hijacked",
        "bio": "hijacked",
        "email": "thief@example.org",
        "status": "hidden",
        "guests": "2",
        "reason": "spam",
        "author": member.pk,
        "member": member.pk,
        "new_password1": "Stolen-Password-1",
        "new_password2": "Stolen-Password-1",
    }
    walked = 0
    for comment in theirs:
        samples = {"pk": str(comment.pk), "slug": "shared", "username": member.username}
        routes = {
            re.sub(r"<(?:\w+:)?(\w+)>", lambda m, samples=samples: samples.get(m.group(1), "fact"), route)
            for route in walk(get_resolver().url_patterns)
            if not route.startswith(SKIP_PREFIXES)
        }
        for route in sorted(routes | {r.replace("fact/", "screening/") for r in routes}):
            client = Client()
            client.force_login(other_member)
            client.post("/" + route, {**hostile, "parent": comment.pk})
            client.get("/" + route)
            walked += 1
    assert walked > 40
    assert fingerprint(member) == before


ODD_VALUES = ["\x00", "palme\x00", "x" * 5000, "99999999999999999999", "-1", "1e9", "' OR 1=1 --", "../../etc"]


@pytest.mark.parametrize("name", ["q", "category", "page", "comments", "next"])
def test_odd_query_parameters_never_cause_a_server_error(client, fact, screening, member, name):
    # One parameter at a time, so that no other odd value hides this one by emptying the page first.
    client.force_login(member)
    for route in ROUTES:
        for value in ODD_VALUES:
            response = client.get(route, {name: value})
            assert response.status_code < 500, (route, name, value, response.status_code)
