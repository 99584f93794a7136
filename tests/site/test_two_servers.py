"""Two app servers behind one proxy, sharing the database and the cache, as the README's deployment shows.

Each server is gunicorn with two workers, started on its own port against the test database: with
PostgreSQL they share Redis (CI's second run), with SQLite a file cache, as two servers on one machine
would. A change made through one is seen at once through the other, cached pages included; a password
changed through one logs the member's other sessions out on the other; forty members RSVPing through
both at once for ten seats get exactly ten places.
"""

import http.client
import io
import os
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from importlib import import_module
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from PIL import Image

from benchmarks.server import gunicorn
from screenings.models import Rsvp, RsvpStatus

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "postgresql" and not os.environ.get("REDIS_URL"),
        reason="on PostgreSQL the two servers share Redis: set REDIS_URL",
    ),
    pytest.mark.django_db(transaction=True),
]

CSRF_SECRET = "c" * 32  # a browser keeps the one its first page set; Django accepts it as the form's token too


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_servers(stack: ExitStack, tmp_path, extra: list[dict]) -> list[int]:
    """Start a server for each of `extra` (environment of its own), sharing the test database and the cache."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cranesclub.settings_test",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_ACCESSLOG": "",
    }
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
        env["CACHE_DIR"] = str(tmp_path / "cache")  # the servers' shared file cache (this process has its own)
    ports = [free_port() for _ in extra]
    for port, own in zip(ports, extra, strict=True):
        stack.enter_context(gunicorn({**env, **own}, port=port, workers=2))
    return ports


@pytest.fixture
def servers(tmp_path):
    """The two servers' ports, each gunicorn with two workers, sharing the test database and the cache."""
    with ExitStack() as stack:
        yield start_servers(stack, tmp_path, [{}, {}])


@pytest.fixture
def servers_on_one_bucket(tmp_path, bucket):
    """Two servers as on two machines: each its own MEDIA_ROOT, one bucket for both."""
    with ExitStack() as stack:
        disks = [{**bucket.env, "MEDIA_ROOT": str(tmp_path / f"media-{n}")} for n in (1, 2)]
        yield start_servers(stack, tmp_path, disks)


def request(port: int, method: str, path: str, *, cookie: str = "", form: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    body = None
    if form is not None:
        body = urlencode({**form, "csrfmiddlewaretoken": CSRF_SECRET})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read().decode()
    connection.close()
    return response.status, content


def test_a_password_changed_through_one_server_logs_other_sessions_out_on_the_other(servers, make_member):
    one, two = servers
    member = make_member()
    here, elsewhere = logged_in(member), logged_in(member)
    for _ in range(6):  # the second server's workers keep the account
        assert "Log out" in request(two, "GET", "/facts/", cookie=elsewhere)[1]
    new_password = "cranes-over-moscow-1957"
    form = {"oldpassword": "pw", "password1": new_password, "password2": new_password}
    assert request(one, "POST", "/accounts/password/change/", cookie=here, form=form)[0] == 302
    for _ in range(6):
        assert "Log out" not in request(two, "GET", "/facts/", cookie=elsewhere)[1]


def logged_in(member) -> str:
    """The cookies of a browser where `member` has logged in (the session is in the database and Redis)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(member.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"


def test_a_comment_posted_through_one_server_is_on_the_others_cached_page_at_once(servers, fact, member):
    one, two = servers
    for _ in range(6):  # both workers of the second server keep the page
        status, page = request(two, "GET", fact.get_absolute_url())
        assert status == 200 and "A first-hand account" not in page
    status, _ = request(
        one,
        "POST",
        f"/discussion/fact/{fact.slug}/post/",
        cookie=logged_in(member),
        form={"text": "A first-hand account of the Cannes screening."},
    )
    assert status == 302
    for _ in range(6):
        status, page = request(two, "GET", fact.get_absolute_url())
        assert status == 200 and "A first-hand account of the Cannes screening." in page


def test_forty_members_rsvping_through_both_servers_at_once_get_exactly_ten_seats(servers, make_screening, make_member):
    screening = make_screening(capacity=10)
    members = [make_member() for _ in range(40)]
    cookies = [logged_in(member) for member in members]
    for port in servers:  # the visitors' page is cached on both before the rush
        assert "0 seats taken" in request(port, "GET", screening.get_absolute_url())[1]

    def rsvp(index: int) -> int:
        port = servers[index % 2]
        return request(port, "POST", f"/screenings/{screening.slug}/rsvp/", cookie=cookies[index], form={})[0]

    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(rsvp, range(40)))

    assert statuses == [302] * 40
    bookings = Rsvp.objects.filter(screening=screening)
    assert bookings.filter(status=RsvpStatus.GOING).count() == 10
    assert bookings.filter(status=RsvpStatus.WAITLISTED).count() == 30
    for port in servers:
        page = request(port, "GET", screening.get_absolute_url())[1]
        assert re.search(r"\b10 seats taken", page), "each server's visitors see the seats taken at once"


def upload(port: int, path: str, *, cookie: str, fields: dict, files: dict):
    """POST a multipart form, as a browser sends one with a file in it."""
    boundary = "cranes-boundary-1957"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in {**fields, "csrfmiddlewaretoken": CSRF_SECRET}.items()
    ]
    for name, (filename, data) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(head.encode() + b"Content-Type: image/png\r\n\r\n" + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={boundary}"}
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def test_an_avatar_uploaded_through_one_server_is_shown_through_the_other(servers_on_one_bucket, member, bucket):
    one, two = servers_on_one_bucket
    image = io.BytesIO()
    Image.new("RGB", (300, 300), "gray").save(image, format="PNG")
    status = upload(
        one, "/members/me/", cookie=logged_in(member), fields={"display_name": "Veronika"},
        files={"avatar": ("me.png", image.getvalue())},
    )  # fmt: skip
    assert status == 302
    member.refresh_from_db()
    assert member.avatar.name in bucket.names()  # with its WebP sizes (core.variants)

    url = f"{bucket.endpoint}/{bucket.name}/{member.avatar.name}"
    connection = http.client.HTTPConnection("127.0.0.1", two, timeout=30)
    connection.request("GET", member.get_absolute_url())
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 200 and f'src="{url}"' in page
    img_src = re.search(r"img-src ([^;]*)", response.getheader("Content-Security-Policy")).group(1).split()
    assert bucket.endpoint in img_src  # the page may show it
    with urlopen(url) as answer:  # noqa: S310  # nosec B310 (the loopback moto server)
        assert answer.read() == bucket.read(member.avatar.name)
