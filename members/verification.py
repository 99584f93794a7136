"""A member's email address must be confirmed before they RSVP, comment, report or get club emails."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from members import destinations
from members.addresses import has_confirmed_email


def confirmed_email_required(view=None, *, offer: str = ""):
    """Members only, with a confirmed address; others are sent to the page that says what is pending. What they
    were doing is kept: the page they asked for, or the form they sent (offered again once the address is
    confirmed, on a button that says `offer`, such as "RSVP")."""

    def decorate(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not has_confirmed_email(request.user):
                if request.method == "POST":
                    destinations.hold(request, offer=offer)
                else:
                    destinations.remember(request, request.get_full_path())
                messages.warning(
                    request,
                    "Please confirm your email address first: open the link we sent you, or send it again here.",
                )
                return redirect("account_email")
            return view(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
