"""The baseline: a bare Django project answering each path with as many bytes as the site's page there.

"Bare" means what `django-admin startproject` gives: its default apps and middleware, one view, no
templates and no queries. BARE_MIDDLEWARE=none strips the middleware too, for the strictest floor.
Served by gunicorn exactly like the site (`benchmarks.bare:application`); BARE_SIZES is JSON {path: bytes}.
"""

import json
import os

from django.conf import settings

STARTPROJECT_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-benchmark-only",  # noqa: S106 (a throwaway app with no sessions in use)
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "django.contrib.sessions",
        "django.contrib.messages",
    ],
    MIDDLEWARE=[] if os.environ.get("BARE_MIDDLEWARE") == "none" else STARTPROJECT_MIDDLEWARE,
    DATABASES={},
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402

SIZES = {path: b"x" * size for path, size in json.loads(os.environ.get("BARE_SIZES", "{}")).items()}


def page(request):
    return HttpResponse(SIZES.get(request.get_full_path(), b"x"), content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
