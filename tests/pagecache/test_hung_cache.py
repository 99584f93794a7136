"""A Redis that accepts connections and never answers holds no page for long: each call waits a quarter of a
second at most, then the process leaves Redis alone for a few seconds (the breaker). Pages are served
uncached, members stay logged in, limits go on counting, and /healthz says the cache is down."""

import socket
import threading
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from pagecache.redis_cache import BREAK_SECONDS, Unreachable, breaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def hung_redis(settings):
    """A TCP server that accepts every connection and never says a word, as the site's cache. Ask for it after
    the fixtures that write: a write retires cached pages, and fails while the cache is out of reach."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    held, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    url = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    settings.CACHES = {"default": {"BACKEND": "pagecache.redis_cache.RedisCache", "LOCATION": url}}
    yield held
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()
    breaker.reset()


def timed(client: Client, path: str, **kwargs):
    started = time.monotonic()
    response = client.get(path, **kwargs) if not kwargs.get("data") else client.post(path, **kwargs)
    return response, time.monotonic() - started


@pytest.fixture
def warm(fact):
    """The pages served once while the cache was well, as a running site has (templates loaded and so on)."""
    for path in ("/", "/facts/", "/healthz"):
        Client().get(path)


@pytest.mark.parametrize("path", ["/", "/facts/", "/healthz"])
def test_each_page_answers_within_a_second(fact, warm, hung_redis, path):
    response, seconds = timed(Client(), path)
    assert seconds < 1.0, f"{path} took {seconds:.2f} s"
    assert response.status_code == (503 if path == "/healthz" else 200)


def test_healthz_says_the_cache_is_down_within_a_second(hung_redis, db):
    response, seconds = timed(Client(), "/healthz")
    assert seconds < 1.0 and response.status_code == 503
    assert response.content.decode().startswith("unavailable: cache")


def test_after_a_failure_the_process_leaves_redis_alone_for_a_few_seconds(hung_redis, db):
    started = time.monotonic()
    with pytest.raises(Exception):  # noqa: B017 (redis-py's timeout)
        cache.get("anything")
    assert 0.2 <= time.monotonic() - started < 1.0
    connections = len(hung_redis)
    started = time.monotonic()
    for _ in range(50):
        with pytest.raises(Unreachable):
            cache.get("anything")
    assert time.monotonic() - started < 0.1 and len(hung_redis) == connections
    assert 1 <= BREAK_SECONDS <= 10
    breaker.until = time.monotonic()  # the few seconds have passed: the next call asks Redis again
    started = time.monotonic()
    with pytest.raises(Exception):  # noqa: B017
        cache.get("anything")
    assert time.monotonic() - started >= 0.2 and breaker.until > time.monotonic()


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def test_members_stay_logged_in_with_their_sessions_from_the_database(fact, member, logged_in, hung_redis):
    page, seconds = timed(logged_in, fact.get_absolute_url())
    assert page.status_code == 200 and page.context["user"] == member and seconds < 1.0
    # Logging in records its time, a write, and writes wait for the cache (pagecache.registry): at once, though.
    credentials = {"login": "veronika", "password": "squirrel-1941"}
    _, seconds = timed(Client(raise_request_exception=False), reverse("account_login"), data=credentials)
    assert seconds < 1.0


def test_failed_log_ins_are_still_counted_in_this_process(member, hung_redis):
    client = Client()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "veronika", "password": "wrong"})
    refused = client.post(reverse("account_login"), {"login": "veronika", "password": "squirrel-1941"})
    assert "Too many failed login attempts" in refused.content.decode()
