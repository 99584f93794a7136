"""Per-member limits on writes that email people or retire cached pages: RSVP toggles, reports, profile saves.

The rates sit with the account limits in ACCOUNT_RATE_LIMITS (settings), and are counted the same way, by
django-allauth's rate limiter, in the cache.
"""

from functools import wraps

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

TOO_MANY = "That was a lot of changes in a short time. Please wait a minute and try again."


def throttled(action: str):
    """Refuse a member's POSTs past the `action`'s rate: a message for browsers, HTTP 429 for other clients."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and not ratelimit.consume(request, action=action, user=request.user):
                if "text/html" not in request.headers.get("Accept", ""):
                    return HttpResponse(TOO_MANY + "\n", status=429, content_type="text/plain")
                messages.error(request, TOO_MANY)
                back = request.headers.get("Referer", "")
                safe = url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure())
                return redirect(back if safe else settings.LOGIN_REDIRECT_URL)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
