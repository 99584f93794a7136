"""Checking that sources' links still work (`manage.py check_sources`, or the `check_sources` task).

A source without a link that says where it was printed is known, with nothing to fetch; one that says
neither is reported, since no reader can find it.

Each address is asked for with HEAD (GET when a server refuses HEAD), redirects followed, with a
deadline for the whole answer and a pause between two requests to the same host. What is found is
written to the source: when it was checked, when it last worked, and what was wrong. Those fields
show only in the admin, are kept out of history and leave cached pages alone.

Only addresses on the public internet are fetched: each connection's own address is checked as it is
made (so neither a redirect nor a name that resolves differently the second time reaches the site's
network), unless CLUB_LINK_CHECK_PRIVATE is on (the tests' local server).
"""

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from facts.models import Source

LOCK = "facts:check_sources:running"
LOCK_SECONDS = 600  # renewed after each link: a run that was killed frees the lock within ten minutes
USER_AGENT = "CranesClubLinkChecker/1.0 (checking the sources cited on {site})"


class Refused(Exception):
    """An address the checker will not fetch."""


@dataclass
class Report:
    checked: int = 0
    dead: list[Source] = field(default_factory=list)
    printed: int = 0  # sources in print only: known, nothing to check
    unplaced: list[Source] = field(default_factory=list)  # neither a link nor where they were printed


def check_all(*, timeout: float = 10, pause: float = 1.0, only_dead: bool = False) -> Report | None:
    """Check every source with a link; None when another check is still running."""
    if not cache.add(LOCK, True, timeout=LOCK_SECONDS):
        return None
    try:
        sources = (Source.objects.dead() if only_dead else Source.objects.linked()).select_related("fact")
        sources = sources.order_by("url", "pk")
        report, last_visit = Report(), {}
        if not only_dead:
            report.printed = Source.objects.printed().count()
            report.unplaced = list(Source.objects.unplaced().select_related("fact").order_by("pk"))
        for source in sources.iterator():
            host = urlsplit(source.url).hostname or ""
            wait = last_visit.get(host, 0) + pause - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            problem = problem_with(source.url, timeout=timeout)
            last_visit[host] = time.monotonic()
            _record(source, problem)
            cache.touch(LOCK, LOCK_SECONDS)
            report.checked += 1
            if problem:
                report.dead.append(source)
        return report
    finally:
        cache.delete(LOCK)


def _record(source: Source, problem: str) -> None:
    now = timezone.now()
    fields = {"link_checked_at": now, "link_problem": problem[:200]}
    if not problem:
        fields["link_alive_at"] = now
    Source.objects.filter(pk=source.pk).update(**fields)
    for name, value in fields.items():
        setattr(source, name, value)


def problem_with(url: str, *, timeout: float = 10) -> str:
    """What is wrong with `url`, or "" when it answers with a page, all within twice `timeout`."""
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(_fetch(url, timeout)), daemon=True)
    worker.start()
    worker.join(2 * timeout)
    # A server that trickles its answer out keeps the thread; it ends when the server does.
    return outcome[0] if outcome else f"no complete answer within {2 * timeout:g} s"


def _fetch(url: str, timeout: float) -> str:
    try:
        _allowed(url)
        try:
            _open(url, "HEAD", timeout)
        except urllib.error.HTTPError as error:
            if error.code not in (403, 405, 501):  # some servers refuse HEAD, or bots, but serve GET
                raise
            _open(url, "GET", timeout)
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except Refused as refusal:
        return str(refusal)
    except urllib.error.URLError as error:
        if isinstance(error.reason, Refused):
            return str(error.reason)
        if isinstance(error.reason, TimeoutError):
            return f"no answer within {timeout:g} s"
        return f"cannot connect ({error.reason})"
    except TimeoutError:
        return f"no answer within {timeout:g} s"
    except (OSError, ValueError, http.client.HTTPException) as error:
        return f"cannot fetch ({error})"
    return ""


def _open(url: str, method: str, timeout: float) -> None:
    headers = {"User-Agent": USER_AGENT.format(site=settings.SITE_URL)}
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310 (_allowed: http(s) only)
    opener = urllib.request.build_opener(_CheckedRedirects, _PublicHTTP, _PublicHTTPS)
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(1024)  # enough to know it answers; the page itself is not needed


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _allowed(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _allowed(url: str) -> None:
    """Refuse early what is plainly not to be fetched; the connection itself is checked again (rebinding)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused("not a web address")
    if getattr(settings, "CLUB_LINK_CHECK_PRIVATE", False):
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except socket.gaierror:
        raise Refused("no such host") from None
    for address in addresses:
        _refuse_unless_public(address)


def _public_connection(address, timeout, source_address=None):
    """socket.create_connection, refusing (before a byte is sent) a peer that is not on the public internet."""
    sock = socket.create_connection(address, timeout, source_address)
    if not getattr(settings, "CLUB_LINK_CHECK_PRIVATE", False):
        try:
            _refuse_unless_public(sock.getpeername()[0])
        except Refused:
            sock.close()
            raise
    return sock


def _refuse_unless_public(address: str) -> None:
    ip = ipaddress.ip_address(address.split("%")[0])
    inner = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None] if ip.version == 6 else []
    if not all(candidate.is_global for candidate in [ip, *filter(None, inner)]):
        raise Refused("an address on a private network")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


class _PublicHTTP(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPS(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)
