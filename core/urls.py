from django.conf import settings
from django.urls import path

from core import sitemaps, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media"),
]
