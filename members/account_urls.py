"""Membership: sign-up, and Django's log-in, log-out and password views, under /accounts/."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

from members import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    # The reset link comes from SITE_URL, never from the Host header the request named.
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(extra_email_context={"site_url": settings.SITE_URL}),
        name="password_reset",
    ),
    path("", include("django.contrib.auth.urls")),
]
