"""The only place the page cache reaches into Django's private attributes, for speed: a stored page keeps
its headers as Django holds them (checked and encoded once, not on every hit), and the session read with
the rest of a request's cache reads is handed to the session object. Checked against Django 5.2; the
tests in tests/pagecache/test_internals.py fail on any other version until someone checks again."""

CHECKED_WITH = (5, 2)


def headers_of(response) -> dict:
    """The response's headers as Django keeps them: lower-cased name -> (name, value)."""
    return dict(response.headers._store)


def with_headers(response, headers: dict):
    """Give `response` headers taken from headers_of() (another response's, or a stored page's)."""
    response.headers._store.update(headers)
    return response


def preload(session, data: dict) -> None:
    """Hand `session` the data already read from the cache, so it does not read it again."""
    session._session_cache = data
