"""Membership under /accounts/: django-allauth (sign-up, log-in, email, password, two-factor, sessions).

The addresses Django's own views had before redirect to allauth's, for bookmarks and links in old emails.
"""

from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView

MOVED = {
    "password_change/": "account_change_password",
    "password_change/done/": "account_change_password",
    "password_reset/": "account_reset_password",
    "password_reset/done/": "account_reset_password",
    "reset/<str:uidb64>/<str:token>/": "account_reset_password",
    "reset/done/": "account_login",
}

urlpatterns = [
    *(path(old, RedirectView.as_view(url=reverse_lazy(new), permanent=True)) for old, new in MOVED.items()),
    path("", include("allauth.urls")),
]
