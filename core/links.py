"""Absolute addresses on the public site, built from SITE_URL and never from a request's Host header."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (as `reverse()` or `get_absolute_url()` give it) on the public site, for emails, feeds and calendars."""
    return settings.SITE_URL + path


def site_host() -> str:
    """The public site's host name, without port: for calendar UIDs and the like."""
    return urlsplit(settings.SITE_URL).hostname
