"""Test settings: the real settings with only what tests must change."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-used-anywhere-else")
os.environ.setdefault("MFA_ENCRYPTION_KEY", "dGVzdC1vbmx5LXR3by1mYWN0b3Ita2V5LTMyLWJ5dGU=")

from cranesclub.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SITE_URL = "https://cranes.example"
# Tests run with the page cache on, as production does, so invalidation is always exercised; without
# REDIS_URL in this process's memory (tests clear it between them), unless CACHE_DIR asks for the file
# cache (the app servers tests/site/test_two_servers.py starts).
CLUB_PAGE_CACHE_SECONDS = 300
if not os.environ.get("REDIS_URL") and not os.environ.get("CACHE_DIR"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so threaded tests share one database with the test run.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
