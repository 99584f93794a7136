"""Membership: sign-up, and Django's log-in, log-out and password views, under /accounts/."""

from django.urls import include, path

from members import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("", include("django.contrib.auth.urls")),
]
