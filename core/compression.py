"""Pages compressed with gzip, in front of everything (the page cache's fast path included).

Every page carries its stylesheet (core.stylesheet): compressed, a page is a quarter to a third of its
size on a phone's network. Static files are WhiteNoise's, already compressed (Brotli, gzip).
This is Django's GZipMiddleware at the WSGI level, so kept pages that never reach Django are compressed
too; like it, it pads the gzip header with random bytes against BREACH (CSRF tokens are masked as well).
"""

import re

from django.utils.text import compress_string

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
TEXT = ("text/html", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
MIN_BYTES = 200


class GzipPages:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")):
            return self.application(environ, start_response)
        kept = {}

        def keep(status, headers, *exc_info):
            kept.update(status=status, headers=headers, exc_info=exc_info)
            return _no_write

        result = self.application(environ, keep)
        # Django's responses say whether they stream; a kept page is a list; anything else (a file wrapper) streams.
        if getattr(result, "streaming", not isinstance(result, list)) or not self._compressible(kept):
            start_response(kept["status"], kept["headers"], *kept["exc_info"])
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if len(body) >= MIN_BYTES:
            compressed = compress_string(body, max_random_bytes=100)
            if len(compressed) < len(body):
                body, kept["headers"] = compressed, self._headers(kept["headers"], len(compressed))
        start_response(kept["status"], kept["headers"], *kept["exc_info"])
        return [body]

    @staticmethod
    def _compressible(kept: dict) -> bool:
        headers = {name.lower(): value for name, value in kept["headers"]}
        content_type = headers.get("content-type", "").split(";")[0].strip()
        return (
            kept["status"].startswith("200")
            and content_type in TEXT
            and "content-encoding" not in headers
            and "content-range" not in headers
        )

    @staticmethod
    def _headers(headers: list, length: int) -> list:
        """Content-Encoding and the new length; Vary names Accept-Encoding; a strong ETag becomes weak."""
        out = []
        vary = None
        for name, value in headers:
            lower = name.lower()
            if lower == "content-length":
                continue
            if lower == "etag" and value.startswith('"'):
                value = "W/" + value
            if lower == "vary":
                vary = value
                continue
            out.append((name, value))
        out.append(("Vary", _vary(vary)))
        out += [("Content-Encoding", "gzip"), ("Content-Length", str(length))]
        return out


def _vary(existing: str | None) -> str:
    names = [name.strip() for name in (existing or "").split(",") if name.strip()]
    if not any(name.lower() == "accept-encoding" or name == "*" for name in names):
        names.append("Accept-Encoding")
    return ", ".join(names)


def _no_write(data: bytes):
    raise NotImplementedError("WSGI's write() is not supported here; Django never calls it")
