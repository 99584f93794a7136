"""The page cache cannot be poisoned or filled by strangers, never serves a stale page, and keeps every header."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import pagecache
from facts.models import Fact

pytestmark = pytest.mark.django_db


def queries_for(path: str, **headers) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path, headers=headers)
    return len(queries), response.content.decode()


def test_another_host_or_scheme_gets_a_page_of_its_own(fact, settings):
    settings.ALLOWED_HOSTS = ["testserver", "cranes.example"]
    queries_for("/facts/")
    assert queries_for("/facts/")[0] == 0
    assert queries_for("/facts/", host="cranes.example:6666")[0] > 0, "another host is served another's page"
    assert queries_for("/facts/", x_forwarded_proto="https")[0] > 0, "an https page is served to http"
    content = queries_for("/screenings/", host="cranes.example:6666")[1]
    assert "6666" not in content and "6666" not in queries_for("/screenings/")[1]


def test_unknown_query_parameters_share_the_page_and_never_reach_it(fact, make_fact):
    for _ in range(13):
        make_fact()
    queries_for("/facts/")
    assert queries_for("/facts/?x=1")[0] == 0
    assert queries_for("/facts/?utm_source=mail&x=2")[0] == 0
    count, page_two = queries_for("/facts/?page=2&evil=%22onmouseover")
    assert count > 0 and "evil" not in page_two and "onmouseover" not in page_two


def test_a_cookie_that_names_no_session_is_a_visitor(fact):
    Client().get(fact.get_absolute_url())
    for cookie in ("made-up", "a" * 32):
        client = Client()
        client.cookies["sessionid"] = cookie
        with CaptureQueriesContext(connection) as queries:
            response = client.get(fact.get_absolute_url())
        assert response.status_code == 200 and "Palme d’Or Winner" in response.content.decode()
        assert len(queries) <= 1, cookie  # at most the session's own lookup, never the page's queries


def test_a_page_rendered_while_the_data_changed_is_never_served(fact, monkeypatch):
    from facts import views

    render = views.render

    def change_meanwhile(*args, **kwargs):
        response = render(*args, **kwargs)
        Fact.objects.filter(pk=fact.pk).update(title="Golden Palm")  # another request commits meanwhile
        return response

    monkeypatch.setattr(views, "render", change_meanwhile)
    assert "Palme d’Or Winner" in queries_for(fact.get_absolute_url())[1]
    monkeypatch.setattr(views, "render", render)
    assert "Golden Palm" in queries_for(fact.get_absolute_url())[1]


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
