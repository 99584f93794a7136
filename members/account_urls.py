"""Membership under /accounts/: django-allauth (sign-up, log-in, email, password, two-factor, sessions).

The addresses Django's own views had before redirect to allauth's, for bookmarks and links in old emails.
A few of allauth's views are named again here, at their own paths, to do more than allauth does.
"""

from functools import wraps

from allauth.account import views as account
from allauth.mfa.base import views as mfa
from allauth.mfa.totp import views as totp
from django.urls import include, path, re_path, reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import RedirectView

from members import destinations

MOVED = {
    "password_change/": "account_change_password",
    "password_change/done/": "account_change_password",
    "password_reset/": "account_reset_password",
    "password_reset/done/": "account_reset_password",
    "reset/<str:uidb64>/<str:token>/": "account_reset_password",
    "reset/done/": "account_login",
}

# Views that take a password or a code, which allauth does not mark: an error report shows none of what was posted.
secret = sensitive_post_parameters()


def remembering_next(view):
    """A page that sets something up on the way elsewhere (two-factor, on the way to the admin) keeps its `next`:
    the end of the set-up leads there. Only for a member logged in: a visitor's request makes no session, and a
    link cannot plant a destination that a later log-in would follow."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            destinations.remember(request, destinations.next_of(request))
        return view(request, *args, **kwargs)

    return wrapper


urlpatterns = [
    *(path(old, RedirectView.as_view(url=reverse_lazy(new), permanent=True)) for old, new in MOVED.items()),
    path("reauthenticate/", secret(account.reauthenticate), name="account_reauthenticate"),
    re_path(
        r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        secret(account.password_reset_from_key),
        name="account_reset_password_from_key",
    ),
    path("2fa/", remembering_next(mfa.index), name="mfa_index"),
    path("2fa/authenticate/", secret(mfa.authenticate), name="mfa_authenticate"),
    path("2fa/reauthenticate/", secret(mfa.reauthenticate), name="mfa_reauthenticate"),
    # The page that shows a new TOTP secret (as text and as a QR code): no browser keeps it. (allauth's pages of
    # recovery codes say so themselves, and show the codes once: MFA_RECOVERY_CODES_SHOW_ONCE.)
    path("2fa/totp/activate/", never_cache(totp.activate_totp), name="mfa_activate_totp"),
    path("", include("allauth.urls")),
]
