"""Checking that sources' links still work (`manage.py check_sources`, or the `check_sources` task).

Each address is asked for with HEAD (GET when a server refuses HEAD), redirects followed, with a
timeout and a pause between two requests to the same host. What is found is written to the source:
when it was checked, when it last worked, and what was wrong. Those fields show only in the admin,
are kept out of history and leave cached pages alone. Addresses on the site's own network (loopback,
private, link-local) are not fetched, unless CLUB_LINK_CHECK_PRIVATE is on (the tests' local server).
"""

import ipaddress
import socket
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
USER_AGENT = "CranesClubLinkChecker/1.0 (checking the sources cited on {site})"


class Refused(Exception):
    """An address the checker will not fetch."""


@dataclass
class Report:
    checked: int = 0
    dead: list[Source] = field(default_factory=list)


def check_all(*, timeout: float = 10, pause: float = 1.0, only_dead: bool = False) -> Report | None:
    """Check every source with a link; None when another check is still running."""
    if not cache.add(LOCK, True, timeout=6 * 3600):
        return None
    try:
        sources = Source.objects.exclude(url="").order_by("url", "pk")
        if only_dead:
            sources = sources.exclude(link_problem="")
        report, last_visit = Report(), {}
        for source in sources.iterator():
            host = urlsplit(source.url).hostname or ""
            wait = last_visit.get(host, 0) + pause - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            problem = problem_with(source.url, timeout=timeout)
            last_visit[host] = time.monotonic()
            _record(source, problem)
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
    """What is wrong with `url`, or "" when it answers with a page."""
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
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return f"no answer within {timeout:g} s"
        return f"cannot connect ({reason})"
    except TimeoutError:
        return f"no answer within {timeout:g} s"
    except (OSError, ValueError) as error:
        return f"cannot fetch ({error})"
    return ""


def _open(url: str, method: str, timeout: float) -> None:
    headers = {"User-Agent": USER_AGENT.format(site=settings.SITE_URL)}
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310 (_allowed: http(s) only)
    opener = urllib.request.build_opener(_CheckedRedirects)
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(1024)  # enough to know it answers; the page itself is not needed


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _allowed(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _allowed(url: str) -> None:
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
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise Refused("an address on a private network")
