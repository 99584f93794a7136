"""Pages leave gzipped when the browser accepts it, the page cache's kept pages included; static files
(already compressed by WhiteNoise), streams and small or non-text answers pass untouched."""

import gzip

import pytest

from core.compression import GzipPages
from tests.pagecache.test_wsgi import get, site  # noqa: F401 - the fixture, Django behind the fast path

pytestmark = pytest.mark.django_db

PAGE = b"<!doctype html><p>" + b"The cranes are flying. " * 40


def app(status="200 OK", content_type="text/html; charset=utf-8", body=PAGE, **headers):
    def application(environ, start_response):
        start_response(status, [("Content-Type", content_type), ("ETag", '"abc"'), *headers.items()])
        return [body]

    return GzipPages(application)


def call(application, accept="gzip, deflate, br"):
    return get(application, HTTP_ACCEPT_ENCODING=accept)


def test_a_page_is_gzipped_with_its_length_a_weak_etag_and_vary():
    status, headers, body = call(app(Vary="Cookie"))
    assert gzip.decompress(body) == PAGE and len(body) < len(PAGE)
    assert headers["Content-Encoding"] == "gzip" and headers["Content-Length"] == str(len(body))
    assert headers["ETag"] == 'W/"abc"' and headers["Vary"] == "Cookie, Accept-Encoding"


def test_the_gzip_header_is_padded_differently_each_time_against_breach():
    bodies = {call(app())[2] for _ in range(8)}
    assert len(bodies) > 1 and all(gzip.decompress(body) == PAGE for body in bodies)


@pytest.mark.parametrize(
    ("application", "accept"),
    [(app(), ""), (app(), "br"), (app(content_type="image/png"), "gzip"), (app(body=b"<p>short"), "gzip"),
     (app(status="304 Not Modified"), "gzip"), (app(**{"Content-Encoding": "br"}), "gzip")],
)  # fmt: skip
def test_what_is_not_a_compressible_page_for_a_gzip_browser_passes_untouched(application, accept):
    status, headers, body = call(application, accept)
    assert "Content-Encoding" not in headers or headers["Content-Encoding"] == "br"
    assert headers["ETag"] == '"abc"'


def test_kept_pages_from_the_fast_path_leave_gzipped_too(site):  # noqa: F811
    compressed = GzipPages(site)
    first, second = call(compressed), call(compressed)
    assert site.application.calls == 1  # the second came from the fast path
    assert gzip.decompress(first[2]) == gzip.decompress(second[2])
    assert second[1]["Content-Encoding"] == "gzip" and b"Palme" in gzip.decompress(second[2])


def test_the_site_application_compresses():
    from cranesclub.wsgi import application

    assert isinstance(application, GzipPages)


def test_a_file_wrapper_streams_untouched():
    def application(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html")])
        return iter([PAGE])  # as wsgi.file_wrapper: no `streaming`, not a list

    status, headers, body = call(GzipPages(application))
    assert body == PAGE and "Content-Encoding" not in headers
