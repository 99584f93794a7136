import logging
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import queue
from core.images import CONTENT_TYPES

log = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database, the cache and the task queue are well; 503 naming what is not.

    The queue is unwell when a task has been ready to run for longer than CLUB_QUEUE_MAX_WAIT (no worker
    is running, or too few to keep up) or a notice is that late (its task was lost: `requeue_notices`).
    The first line is `ok` or `unavailable: ...`.
    """
    failed, lines = [], []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        log.exception("health check: database")
        failed.append("database")
    try:
        cache.set("healthz", "ok", 10)
        if cache.get("healthz") != "ok":
            raise RuntimeError("cache did not return what was stored")
    except Exception:
        log.exception("health check: cache")
        failed.append("cache")
    if "database" not in failed:
        waiting, overdue = queue.oldest_wait(), queue.overdue_notices(settings.CLUB_QUEUE_MAX_WAIT)
        lines.append(f"queue: {queue.describe(waiting, overdue)}")
        if waiting > settings.CLUB_QUEUE_MAX_WAIT or overdue:
            failed.append("queue")
    first = f"unavailable: {', '.join(failed)}" if failed else "ok"
    return HttpResponse("\n".join([first, *lines]) + "\n", status=503 if failed else 200, content_type="text/plain")


@require_GET
def media(request: HttpRequest, path: str) -> FileResponse:
    """Uploaded images, each with the content type of its kind; nothing else under MEDIA_ROOT is served."""
    content_type = CONTENT_TYPES.get(Path(path).suffix.lower())
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation as error:
        raise Http404 from error
    try:
        if content_type is None or not full_path.is_file():
            raise Http404
        file = full_path.open("rb")
    except OSError as error:  # a name too long for the file system, a file removed meanwhile
        raise Http404 from error
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers ask for /favicon.ico on pages without an icon link, such as the admin.
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


def robots_txt(request: HttpRequest) -> HttpResponse:
    return render(request, "robots.txt", content_type="text/plain")


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors or queries: the database may be why we are here.
    return render(request, "500.html", status=500)
