"""`manage.py check_sources` against a local HTTP server (never the internet): working links, dead ones,
redirects, servers that refuse HEAD, silence, and addresses the checker must not fetch."""

import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from facts import links
from facts.models import Source

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    requests: list[tuple[str, str, float]] = []

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, *, head: bool):
        Handler.requests.append((self.command, self.path, time.monotonic()))
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/trickle":  # each line in time, the whole answer never
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            for n in range(12):
                self.wfile.flush()
                time.sleep(0.3)
                self.wfile.write(f"X-Line-{n}: x\r\n".encode())
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/admin")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
        elif self.path == "/no-head" and head:
            self.send_response(405)
        elif self.path in ("/ok", "/no-head", "/slow", "/other"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
        else:
            self.send_response(404)
        self.end_headers()
        if not head and self.path != "/loop":
            self.wfile.write(b"<p>hello</p>")

    def log_message(self, *args):
        pass


@pytest.fixture
def fact(fact):
    """The fact, citing nothing yet: each test cites the local server only."""
    fact.sources.all().delete()
    return fact


@pytest.fixture
def server(settings):
    settings.CLUB_LINK_CHECK_PRIVATE = True  # the local server is on the loopback address
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def cite(fact, url: str) -> Source:
    return Source.objects.create(fact=fact, title=url, url=url)


def check(*args) -> str:
    out = StringIO()
    call_command("check_sources", "--pause", "0", "--timeout", "0.5", *args, stdout=out)
    return out.getvalue()


def test_dead_links_are_marked_with_what_was_wrong_and_working_ones_with_when(server, fact):
    sources = {path: cite(fact, server + path) for path in ("/ok", "/gone", "/moved", "/no-head", "/slow", "/loop")}
    output = check()
    for source in sources.values():
        source.refresh_from_db()
    assert "Checked 6 links: 3 dead." in output
    assert sources["/ok"].link_problem == "" and sources["/ok"].link_alive_at is not None
    assert sources["/moved"].link_problem == "", "redirects are followed"
    assert sources["/no-head"].link_problem == "", "a server that refuses HEAD is asked with GET"
    assert sources["/gone"].link_problem == "HTTP 404" and sources["/gone"].link_alive_at is None
    assert sources["/slow"].link_problem == "no answer within 0.5 s"
    assert sources["/loop"].link_problem.startswith("HTTP 30")
    assert f"dead: {server}/gone (HTTP 404)" in output


def test_a_link_that_dies_keeps_the_date_it_last_worked(server, fact):
    source = cite(fact, server + "/gone")
    worked = timezone.now() - timedelta(days=40)
    Source.objects.filter(pk=source.pk).update(link_alive_at=worked, link_checked_at=worked)
    check()
    source.refresh_from_db()
    assert source.link_alive_at == worked and source.link_problem == "HTTP 404"
    assert source.link_checked_at > worked


def test_only_dead_rechecks_what_was_dead(server, fact):
    alive, dead = cite(fact, server + "/ok"), cite(fact, server + "/gone")
    check()
    Handler.requests.clear()
    assert "Checked 1 links: 1 dead." in check("--only-dead")
    assert {path for _, path, _ in Handler.requests} == {"/gone"}
    alive.refresh_from_db()
    dead.refresh_from_db()
    assert alive.link_problem == "" and dead.link_problem == "HTTP 404"


def test_requests_to_one_host_are_spaced_out(server, fact):
    for path in ("/ok", "/other", "/moved"):
        cite(fact, server + path)
    call_command("check_sources", "--pause", "0.3", stdout=StringIO())
    checks = [at for method, _, at in Handler.requests if method == "HEAD"]  # a redirect's next hop is a GET
    gaps = [later - earlier for earlier, later in zip(checks, checks[1:], strict=False)]
    assert len(checks) == 3 and min(gaps) >= 0.25


def test_one_run_at_a_time(server, fact):
    cite(fact, server + "/ok")
    cache.add(links.LOCK, True)
    with pytest.raises(CommandError, match="still running"):
        check()
    cache.delete(links.LOCK)
    assert "Checked 1 links: 0 dead." in check()
    assert cache.get(links.LOCK) is None, "the lock is released"


def test_addresses_on_the_sites_own_network_are_not_fetched(settings, fact):
    settings.CLUB_LINK_CHECK_PRIVATE = False
    for url in ("http://127.0.0.1:6379/", "http://10.0.0.1/", "http://[::1]/", "file:///etc/passwd"):
        assert links.problem_with(url, timeout=0.5) in ("an address on a private network", "not a web address"), url


def test_a_redirect_to_the_sites_own_network_is_not_followed(server, settings, monkeypatch):
    settings.CLUB_LINK_CHECK_PRIVATE = False
    public = links._refuse_unless_public
    # The local server stands for a public one; the address it redirects to is on a private network.
    monkeypatch.setattr(
        links, "_refuse_unless_public", lambda address: None if address == "127.0.0.1" else public(address)
    )
    assert links.problem_with(server + "/ok", timeout=0.5) == ""
    assert links.problem_with(server + "/to-private", timeout=0.5) == "an address on a private network"


def test_the_admin_shows_dead_links_and_when_they_last_worked(server, fact, curator_client):
    source = cite(fact, server + "/gone")
    Source.objects.filter(pk=source.pk).update(link_alive_at=timezone.now() - timedelta(days=3))
    check()
    page = curator_client.get("/admin/facts/source/?link=dead").content.decode()
    assert server + "/gone" in page and "dead (HTTP 404); last worked" in page
    assert "dead (HTTP 404)" in curator_client.get(f"/admin/facts/fact/{fact.pk}/change/").content.decode()


def test_a_printed_source_is_known_not_dead_and_one_nobody_can_find_is_named(server, fact, curator_client):
    cite(fact, server + "/ok")
    printed = Source.objects.create(
        fact=fact, title="Kalatozov on the camera", printed="Iskusstvo kino 12 (1957), p. 5"
    )
    lost = Source.objects.create(fact=fact, title="A review somebody read once")

    output = check()

    assert "Checked 1 links: 0 dead." in output
    assert "Not checked: 1 printed source (known, no link), 1 with neither a link nor where it was printed." in output
    assert f"no link, and not said where it was printed: {lost.title}, cited by {fact}" in output
    assert [path for _, path, _ in Handler.requests] == ["/ok"]
    printed.refresh_from_db()
    assert printed.link_checked_at is None and printed.link_problem == ""
    assert list(Source.objects.dead()) == []
    page = curator_client.get("/admin/facts/source/?link=printed").content.decode()
    assert printed.title in page and lost.title not in page and "none: a printed source" in page
    page = curator_client.get("/admin/facts/source/?link=unplaced").content.decode()
    assert lost.title in page and printed.title not in page


def test_the_admin_refuses_a_source_with_neither_a_link_nor_where_it_was_printed(fact, curator_client):
    form = {"fact": fact.pk, "title": "A review", "publisher": "", "url": "", "printed": "", "quote": "", "position": 1}
    response = curator_client.post("/admin/facts/source/add/", form)
    assert response.status_code == 200 and "where it was printed" in response.content.decode()
    form["printed"] = "Sovetskii ekran 20 (1957), p. 8"
    assert curator_client.post("/admin/facts/source/add/", form).status_code == 302
    assert Source.objects.printed().get().title == "A review"


def test_a_fact_resting_on_a_printed_source_alone_cannot_be_verified(fact, curator_client):
    from facts.models import Status
    from tests.facts.test_suggestions import admin_form_data

    fact.sources.all().delete()
    data = admin_form_data(
        fact,
        status=Status.VERIFIED,
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-title": "Sovetskii ekran",
            "sources-0-printed": "Sovetskii ekran 20 (1957), p. 8",
            "sources-0-position": "1",
        },
    )
    response = curator_client.post(f"/admin/facts/fact/{fact.pk}/change/", data)
    assert response.status_code == 200 and "cites at least one source with a link" in response.content.decode()


def test_a_check_retires_no_cached_page_and_writes_no_history(server, fact):
    import pagecache

    source = cite(fact, server + "/gone")
    history, version = source.history.count(), pagecache.current_version()
    check()
    assert source.history.count() == history
    assert pagecache.current_version() == version


def test_a_server_that_trickles_its_answer_out_cannot_hold_the_check(server, fact):
    started = time.monotonic()
    assert links.problem_with(server + "/trickle", timeout=0.5) == "no complete answer within 1 s"
    assert time.monotonic() - started < 2


def test_a_name_that_resolves_elsewhere_the_second_time_is_refused_as_it_connects(server, settings, monkeypatch):
    settings.CLUB_LINK_CHECK_PRIVATE = False
    port = int(server.rsplit(":", 1)[1])
    real = links.socket.getaddrinfo
    answers = iter([[(2, 1, 6, "", ("93.184.216.34", port))]])  # public the first time, the loopback after

    def rebinding(host, *args, **kwargs):
        return next(answers, None) or real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(links.socket, "getaddrinfo", rebinding)
    Handler.requests.clear()
    assert links.problem_with(f"http://rebinding.test:{port}/ok", timeout=0.5) == "an address on a private network"
    assert Handler.requests == [], "nothing was sent to the site's own network"


@pytest.mark.parametrize(
    "address", ["100.100.100.200", "100.64.0.1", "169.254.169.254", "::ffff:127.0.0.1", "2002:7f00:1::"]
)
def test_shared_metadata_and_embedded_addresses_are_not_public(address):
    with pytest.raises(links.Refused):
        links._refuse_unless_public(address)
    links._refuse_unless_public("93.184.216.34")
