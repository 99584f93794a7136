from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import health, storage
from core.images import CONTENT_TYPES


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database, the cache and what the apps registered (core.health) are well; 503 naming
    what is not. The first line is `ok` or `unavailable: ...`, then a line for each check with more to say."""
    failed, lines = health.report()
    first = f"unavailable: {', '.join(failed)}" if failed else "ok"
    return HttpResponse("\n".join([first, *lines]) + "\n", status=503 if failed else 200, content_type="text/plain")


@require_GET
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images, each with the content type of its kind; nothing else under MEDIA_ROOT is served."""
    content_type = CONTENT_TYPES.get(Path(path).suffix.lower())
    if storage.is_bucket():  # pages link to the bucket; an address kept from before the move still leads there
        if content_type is None:
            raise Http404
        # 302, not 301: a browser keeps a permanent redirect forever, and the bucket's address may change.
        return HttpResponseRedirect(default_storage.url(path))
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
