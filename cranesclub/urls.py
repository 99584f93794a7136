"""The root URLconf composes the apps' URLs, and nothing else."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("home.urls")),
    path("", include("facts.urls")),
    path("feeds/", include("facts.feeds")),
    path("screenings/", include("screenings.urls")),
    path("feeds/", include("screenings.feeds")),
    path("accounts/", include("members.account_urls")),
    path("members/", include("members.urls")),
    path("discussion/", include("discussion.urls")),
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
]

handler500 = "core.views.server_error"
