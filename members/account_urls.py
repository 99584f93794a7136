"""Membership: sign-up, and Django's log-in, log-out and password views, under /accounts/."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from members import views
from members.forms import PasswordResetForm

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    # The email is a queued notice whose link comes from SITE_URL, never from the request's Host header.
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path("", include("django.contrib.auth.urls")),
]
