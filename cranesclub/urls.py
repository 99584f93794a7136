"""The root URLconf composes the apps: their URLs, and the sitemaps and feeds each app owns."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core.pagecache import cached_for_visitors
from discussion.sitemaps import DiscussionSitemap
from facts.feeds import AtomFactFeed, ChangeFeed, FactFeed
from facts.sitemaps import FactPagesSitemap, FactSitemap
from home.sitemaps import HomeSitemap
from screenings.feeds import ScreeningFeed
from screenings.sitemaps import ScreeningPagesSitemap, ScreeningSitemap

SITEMAPS = {
    "pages": HomeSitemap,
    "fact-pages": FactPagesSitemap,
    "screening-pages": ScreeningPagesSitemap,
    "discussion": DiscussionSitemap,
    "facts": FactSitemap,
    "screenings": ScreeningSitemap,
}

urlpatterns = [
    path("", include("home.urls")),
    path("", include("facts.urls")),
    path("screenings/", include("screenings.urls")),
    path("accounts/", include("members.account_urls")),
    path("members/", include("members.urls")),
    path("discussion/", include("discussion.urls")),
    path("feeds/screenings/", cached_for_visitors(ScreeningFeed()), name="screening_feed"),
    path("feeds/facts/", cached_for_visitors(FactFeed()), name="fact_feed"),
    path("feeds/facts/atom/", cached_for_visitors(AtomFactFeed()), name="fact_feed_atom"),
    path("feeds/changes/", cached_for_visitors(ChangeFeed()), name="change_feed"),
    path("sitemap.xml", cached_for_visitors(sitemap, params=("p",)), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
]

handler500 = "core.views.server_error"
