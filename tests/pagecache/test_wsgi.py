"""The page cache's fast path answers a visitor's plain GET of a page the worker kept, before Django runs, and
leaves every other request to Django."""

import io

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pagecache
from pagecache.wsgi import KeptPages

pytestmark = pytest.mark.django_db


class Counted:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.django, self.calls = get_wsgi_application(), 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def site(fact):
    # As Django's test client does: the test's own database connection stays open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield KeptPages(Counted())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def get(site, path="/facts/palme-dor-winner/", **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "HTTP_X_FORWARDED_PROTO": "https",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        **extra,
    }
    answer = {}
    response = site(environ, lambda status, headers: answer.update(status=status, headers=dict(headers)))
    body = b"".join(response)
    if hasattr(response, "close"):
        response.close()
    return answer["status"], answer["headers"], body


def test_a_page_the_worker_kept_is_answered_before_django_with_every_header(site):
    first = get(site)
    second = get(site)
    assert site.application.calls == 1
    assert second == first and first[0] == "200 OK"
    assert "Content-Security-Policy" in second[1] and "Palme" in second[2].decode()


def test_a_change_sends_the_next_request_to_django(site, fact):
    get(site)
    fact.title = "Palme d’Or, 1958"
    fact.save()
    assert "Palme d’Or, 1958" in get(site)[2].decode()
    assert site.application.calls == 2


@pytest.mark.parametrize(
    "extra",
    [
        {"QUERY_STRING": "comments=1"},
        {"HTTP_COOKIE": "sessionid=" + "a" * 32},
        {"HTTP_COOKIE": "messages=x"},
        {"HTTP_IF_NONE_MATCH": '"x"'},
        {"REQUEST_METHOD": "HEAD"},
        {"HTTP_X_FORWARDED_PROTO": "http"},
    ],
)
def test_anything_but_a_visitors_plain_get_of_the_same_address_goes_to_django(site, extra):
    get(site)
    get(site, **extra)
    assert site.application.calls == 2


def test_a_port_in_the_host_makes_no_page_of_its_own(site):
    get(site)
    for host in ("localhost:8443", "localhost:80", "LOCALHOST"):
        assert get(site, HTTP_HOST=host)[0] == "200 OK"
    assert site.application.calls == 1


def test_a_stranger_host_is_refused_by_django(site):
    get(site)
    assert get(site, HTTP_HOST="evil.example")[0].startswith("400")
    assert site.application.calls == 2


def test_nothing_is_answered_while_the_shared_cache_is_out_of_reach(site, monkeypatch):
    get(site)
    monkeypatch.setattr("pagecache.wsgi.read_many", lambda keys: {})
    get(site)
    assert site.application.calls == 2
    assert pagecache.current_version() is not None


def test_an_address_outside_latin_1_reaches_django_unchanged(site):
    # WSGI hands over the path as bytes decoded as Latin-1; Django must get it exactly so.
    euro = b"/facts/%E2%82%AC/".decode("latin-1")
    assert get(site, path="/facts/\u00e2\u0082\u00ac/")[0].startswith("404")
    assert get(site, path=euro)[0].startswith("404")


def test_anything_going_wrong_in_the_fast_path_leaves_the_request_to_django(site, monkeypatch):
    get(site)
    monkeypatch.setattr("pagecache.wsgi.visitor_page_key", lambda request: 1 / 0)
    assert get(site)[0] == "200 OK"
    assert site.application.calls == 2
