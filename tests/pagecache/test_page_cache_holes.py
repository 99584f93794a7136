"""The page cache cannot be poisoned or filled by strangers, never serves a stale page, and keeps every header."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pagecache
from facts.models import Fact
from pagecache import memory
from tests.conftest import without_stylesheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetch(monkeypatch):
    """GET a page as a new visitor: (whether the page cache answered, the page)."""
    replayed = []
    replay = pagecache.pages._replay
    monkeypatch.setattr(pagecache.pages, "_replay", lambda *args: replayed.append(True) or replay(*args))

    def get(path: str, cookie: str = "", **headers) -> tuple[bool, str]:
        replayed.clear()
        client = Client()
        for pair in filter(None, cookie.split("; ")):
            client.cookies.load(pair)
        response = client.get(path, headers=headers)
        assert response.status_code == 200
        return bool(replayed), response.content.decode()

    return get


def test_another_host_or_scheme_gets_a_page_of_its_own(fact, settings, fetch):
    settings.ALLOWED_HOSTS = ["testserver", "cranes.example"]
    fetch("/facts/")
    assert fetch("/facts/")[0]
    assert not fetch("/facts/", host="cranes.example:6666")[0], "another host is served another's page"
    assert not fetch("/facts/", x_forwarded_proto="https")[0], "an https page is served to http"
    content = without_stylesheet(fetch("/screenings/", host="cranes.example:6666")[1])
    assert "6666" not in content and "6666" not in without_stylesheet(fetch("/screenings/")[1])


def test_unknown_query_parameters_share_the_page_and_never_reach_it(fact, make_fact, fetch):
    for _ in range(13):
        make_fact()
    fetch("/facts/")
    assert fetch("/facts/?x=1")[0]
    assert fetch("/facts/?utm_source=mail&x=2")[0]
    hit, page_two = fetch("/facts/?page=2&evil=%22onmouseover")
    assert not hit and "evil" not in page_two and "onmouseover" not in page_two


def test_a_cookie_that_names_no_session_is_a_visitor(fact, fetch):
    fetch(fact.get_absolute_url())
    for cookie in ("made-up", "a" * 32):
        with CaptureQueriesContext(connection) as queries:
            replayed, page = fetch(fact.get_absolute_url(), cookie=f"sessionid={cookie}")
        assert replayed and "Palme d’Or Winner" in page, cookie
        assert len(queries) <= 1, cookie  # at most the session's own lookup, never the page's queries


def test_no_query_parameter_reaches_a_shared_fragment_through_any_door(make_fact, member, fetch):
    for _ in range(13):
        make_fact()
    doors = {"a member": Client(), "a visitor with a message": Client()}
    doors["a member"].force_login(member)
    doors["a visitor with a message"].cookies["messages"] = "x"
    for who, client in doors.items():
        client.get("/facts/?page=1&next=EVIL-PARAM")
        assert "EVIL-PARAM" not in fetch("/facts/")[1], who
        assert "EVIL-PARAM" not in fetch("/facts/?page=1")[1], who


def test_page_numbers_no_link_leads_to_never_change_the_cached_page(make_fact, fetch):
    facts = [make_fact() for _ in range(13)]  # two pages
    for odd in ("0", "-7", "99", "3&page=1"):
        Client().get(f"/facts/?page={odd}")
    page_one = fetch("/facts/")[1]
    assert facts[0].title in page_one and facts[12].title not in page_one
    assert facts[12].title in fetch("/facts/?page=1&page=2")[1], "the view reads the last value, and so does the key"


def test_page_numbers_written_otherwise_are_never_stored(make_fact, fetch):
    for _ in range(13):
        make_fact()
    for odd in ("01", "+1", "-1", "0", "%201", "1&page=1", "2&page=2", "x1"):
        for path in (f"/facts/?page={odd}", f"/facts/changes/?page={odd}", f"/discussion/?page={odd}"):
            fetch(path)
            assert not fetch(path)[0], path
    for odd in ("1", "01", "001"):
        fetch(f"/sitemap.xml?p={odd}")
        assert not fetch(f"/sitemap.xml?p={odd}")[0], "the sitemap is one page, linked without a number"
    fetch("/facts/?page=2")
    assert fetch("/facts/?page=2")[0], "the page numbers links lead to are stored"
    fetch("/sitemap.xml")
    assert fetch("/sitemap.xml")[0]


def test_searches_and_later_comment_pages_are_never_stored(fact, fetch):
    for _ in range(2):
        assert not fetch("/facts/?q=palme")[0]
        assert not fetch(f"{fact.get_absolute_url()}?comments=7")[0]
        assert not fetch("/facts/?category=no-such-category")[0]
    fetch("/facts/?category=awards")
    assert fetch("/facts/?category=awards")[0], "the pages links lead to are"


def test_an_address_no_fact_has_is_not_kept_and_cannot_break_another_page(make_fact, client):
    facts = [make_fact() for _ in range(3)]
    numbered = facts[1]
    numbered.slug = str(facts[0].pk)  # a slug that reads like another fact's number
    numbered.save()
    assert client.get("/facts/no-such-fact/").status_code == 404
    assert not any(key.startswith("value:") and "no-such-fact" in key for key in memory.recent.items)
    for _ in range(2):
        assert client.get(facts[0].get_absolute_url()).status_code == 200
        assert client.get(numbered.get_absolute_url()).status_code == 200


def test_with_the_shared_cache_out_of_reach_the_site_still_serves(fact, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1"}
    }
    for path in ("/", "/facts/", fact.get_absolute_url(), "/screenings/", "/faq/"):
        assert Client().get(path).status_code == 200, path


def test_a_page_rendered_while_the_data_changed_is_never_served(fact, monkeypatch):
    from facts import views

    render = views.render

    def change_meanwhile(*args, **kwargs):
        response = render(*args, **kwargs)
        Fact.objects.filter(pk=fact.pk).update(title="Golden Palm")  # another request commits meanwhile
        return response

    monkeypatch.setattr(views, "render", change_meanwhile)
    assert "Palme d’Or Winner" in Client().get(fact.get_absolute_url()).content.decode()
    monkeypatch.setattr(views, "render", render)
    assert "Golden Palm" in Client().get(fact.get_absolute_url()).content.decode()


@pytest.mark.parametrize("path", ["/facts/", "/sitemap.xml", "/feeds/facts/"])
def test_a_cached_page_carries_every_header_the_live_one_had(fact, path):
    live = Client().get(path)
    cached = Client().get(path)
    assert cached.headers == live.headers
    assert {"X-Frame-Options", "Content-Security-Policy", "Cross-Origin-Resource-Policy"} <= set(cached.headers)
    if path == "/sitemap.xml":
        assert cached["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_the_version_is_read_before_the_view_runs(fact, monkeypatch):
    read = []
    monkeypatch.setattr(pagecache.pages, "current_version", lambda: read.append("version") or "v1")
    from facts import views

    render = views.render
    monkeypatch.setattr(views, "render", lambda *a, **k: read.append("view") or render(*a, **k))
    from django.core.cache import cache

    cache.delete(pagecache.VERSION_KEY)
    Client().get(fact.get_absolute_url())
    assert read[:2] == ["version", "view"]
