from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from cranesclub import views
from cranesclub.pagecache import cached_for_visitors
from cranesclub.sitemaps import SITEMAPS
from facts.feeds import AtomFactFeed, FactFeed
from members.views import signup
from screenings.views import ScreeningFeed

admin.site.site_header = "Cranes Club curators"
admin.site.site_title = "Cranes Club admin"
admin.site.index_title = "Catalogue, FAQ and club business"

urlpatterns = [
    path("", include("facts.urls")),
    path("screenings/", include("screenings.urls")),
    path("accounts/signup/", signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("members/", include("members.urls")),
    path("discussion/", include("discussion.urls")),
    path("feeds/screenings/", cached_for_visitors(ScreeningFeed()), name="screening_feed"),
    path("feeds/facts/", cached_for_visitors(FactFeed()), name="fact_feed"),
    path("feeds/facts/atom/", cached_for_visitors(AtomFactFeed()), name="fact_feed_atom"),
    path("sitemap.xml", cached_for_visitors(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media"),
]

handler500 = "cranesclub.views.server_error"
