"""Settings for Cranes Club, read from the environment (see the README's configuration table)."""

import base64
import hashlib
import math
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true"):
        return True
    if value in ("0", "false"):
        return False
    raise ImproperlyConfigured(f"{name} must be one of 0, 1, true, false; got {value!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_hours(name: str, default: float, *, least: float = 0, most: float = 24 * 30) -> timedelta:
    """A number of hours from `least` to `most` (a month), such as 24 or 0.5: anything else (nan, inf, a
    word, a negative number) stops the start here, not a request later."""
    value = os.environ.get(name, "").strip() or str(default)
    try:
        hours = float(value)
    except ValueError:
        hours = math.nan
    if not least <= hours <= most:  # false for nan too
        raise ImproperlyConfigured(f"{name} must be a number of hours from {least:g} to {most:g}; got {value!r}.")
    return timedelta(hours=hours)


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105 (debug only)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "core.apps.ClubAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    # Lowest layer first: see docs/architecture.md.
    "core",
    "pagecache",
    "outbox",
    "backup",
    "members",
    "facts",
    "screenings",
    "discussion",
    "home",
]

# Visitors' cached pages are answered first, before anything else runs (they carry every header the
# live page had). Then a warning if X-Forwarded-For comes while no proxy is trusted (core.proxies). What
# stands above WhiteNoise wraps it, so static files get the security headers too.
MIDDLEWARE = [
    "pagecache.PageCacheMiddleware",
    "core.middleware.forwarded_for_without_proxies",
    "core.middleware.cross_origin_resource_policy",
    # Above the policy: the ETag is the page as sent, and a 304 carries no policy of its own (a browser would
    # put it on the page it kept, whose stylesheet SiteCSPMiddleware cut to fit it: core.stylesheet).
    "django.middleware.http.ConditionalGetMiddleware",
    "core.middleware.SiteCSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pagecache.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Who made each change in the catalogue's history (a source edited on its fact's page too).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cranesclub.urls"
WSGI_APPLICATION = "cranesclub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
DATABASE_POOL_MIN = int(os.environ.get("DATABASE_POOL_MIN", "1"))
DATABASE_POOL_MAX = int(os.environ.get("DATABASE_POOL_MAX", "2"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if env_bool("DATABASE_PGBOUNCER", False):
        # PgBouncer in transaction mode pools for every server: no cursor or prepared statement may outlive a
        # transaction, and there is nothing to keep open here.
        DATABASES["default"].update(CONN_MAX_AGE=0, DISABLE_SERVER_SIDE_CURSORS=True)
        DATABASES["default"].setdefault("OPTIONS", {}).update(prepare_threshold=None)
    elif DATABASE_POOL_MAX > 0:
        # Each process (a gunicorn worker, a task worker) borrows from a pool of its own for each request or
        # task: at most DATABASE_POOL_MAX connections, shrinking to DATABASE_POOL_MIN after a minute idle.
        # Django's pool wants CONN_MAX_AGE 0 (a connection goes back to the pool, not closed). CONN_HEALTH_CHECKS
        # stays on: Django then has the pool check each connection as it is borrowed
        # (ConnectionPool.check_connection), so after a failover a dead one is replaced, not handed to a request.
        # The options the URL gave (?sslmode=..., sslrootcert=...) are kept: the pool's are added to them.
        pool = {"min_size": min(DATABASE_POOL_MIN, DATABASE_POOL_MAX), "max_size": DATABASE_POOL_MAX}
        DATABASES["default"].update(CONN_MAX_AGE=0)
        DATABASES["default"].setdefault("OPTIONS", {}).update(pool={**pool, "max_idle": 60, "timeout": 10})
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue behind each other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "pagecache.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs holds a call a quarter of a second at most, then the process leaves it alone for a
            # few seconds (pagecache.redis_cache): pages are served uncached, sessions come from the database.
            "KEY_PREFIX": "cranesclub",
        }
    }
else:
    # Without Redis, the processes on this machine (gunicorn's workers, the task worker) share a cache in
    # files: the page cache, fragments, sessions and rate limits hold across them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Sessions are read from the cache (one read a request) and kept in the database too, which serves them while
# the cache is out of reach (pagecache.sessions: Django's cached_db store, going on without the cache).
SESSION_ENGINE = "pagecache.sessions"

AUTH_USER_MODEL = "members.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "members.backends.MemberBackend",
    # Sessions begun before MemberBackend name allauth's; listed so they stay logged in.
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "home:index"

# Accounts (django-allauth): log in by username or email; the email must be confirmed before a member
# RSVPs, comments or gets any club email (members.verification); changing it needs a new confirmation
# and the old address is told. Usernames stay the public handle.
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "members.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Cranes Club: "
# Changing the email address (or removing one) needs a password, or with two-factor on, a second factor, given in
# the last 5 minutes. Reauthentication by a code sent by email is off: it would be one more thing to intercept.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")
# Log-in and password reset answer the same for any address (a reset mails only a known one). Sign-up
# and the change-email form do say an address is taken: members may log in before confirming, so
# allauth can only keep one account per address by refusing it openly (10 sign-ups an hour an IP
# address, 3 address changes an hour). Strangers cannot make the club mail anyone at will.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_USERNAME_VALIDATORS = "members.validators.USERNAME_VALIDATORS"
ACCOUNT_USERNAME_BLACKLIST = ["me", "admin", "administrator", "curator", "curators", "organiser", "cranesclub", "staff"]
# Rate limits (docs/members.md): failed log-ins count per (address, account) pair first, then per address, never
# per account alone (members.adapter): a stranger typing a member's name cannot lock them out, nor can a busy
# address (a café, a university) stop a member's right password.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key",
    "login_failed_address": "10/m/ip",
    "login_failed_here": "1/5m/key",
    "login": "30/m/ip",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key,5/d/key",
    "change_password": "5/m/user",
    "manage_email": "3/h/user,10/d/user",
    "reauthenticate": "10/m/user",
    # The club's own (core.throttle): each counts a member's POSTs.
    "rsvp": "10/m/user",
    "comment_edit": "10/m/user",
    "report": "10/h/user",
    "profile": "10/h/user",
    "suggest": "5/h/user,20/d/user",
    "reflection": "10/h/user",
    "close_account": "5/h/user",  # each try checks the password
}
# Two-factor: TOTP with recovery codes, and security keys (WebAuthn). Staff must have it (core.admin_site).
MFA_ADAPTER = "members.mfa.MFAAdapter"
# Its secrets (TOTP keys, recovery-code seeds) are stored encrypted with this key (members.mfa), which no
# backup holds. Fernet keys, comma-separated: the first encrypts, any decrypts (to replace a key, put the new one
# first). With debug on, one is made from the secret key.
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEY", "")
if not MFA_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY is not set. Make one with `python -c 'import base64, os; "
            "print(base64.urlsafe_b64encode(os.urandom(32)).decode())'` and keep it apart from backups."
        )
    MFA_ENCRYPTION_KEYS = [base64.urlsafe_b64encode(hashlib.sha256(SECRET_KEY.encode()).digest()).decode()]
for _key in MFA_ENCRYPTION_KEYS:
    try:
        _length = len(base64.urlsafe_b64decode(_key))
    except ValueError:
        _length = 0
    if _length != 32:
        raise ImproperlyConfigured("MFA_ENCRYPTION_KEY must be 32 bytes in URL-safe base64 (44 characters).")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Cranes Club"
# Recovery codes are shown in full once, on the page that follows their making (never cached), then masked.
MFA_RECOVERY_CODES_SHOW_ONCE = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG  # http://127.0.0.1 in development only
# Sessions are recorded at log-in (members see and end them); tracking every request would write a row a page.
USERSESSIONS_TRACK_ACTIVITY = False
# A GeoLite2 City file (MaxMind's free download, or DB-IP's City Lite in the same format): the Sessions page then
# names the town of each session's address. Unset, it names the browser alone.
GEOIP_CITY_DB = os.environ.get("GEOIP_CITY_DB", "")
# How many proxies of ours add to X-Forwarded-For; 0 trusts only REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# The site is in English only; with translation off Django skips the per-request language lookups.
# Dates and numbers still follow en-gb's formats.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("CLUB_TIME_ZONE", "Europe/London")
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The stylesheet `make css` builds from styles/ and Bootstrap's Sass (the npm package, never a copy).
    BASE_DIR / "build" / "static",
]
# Uploads: the file system under MEDIA_ROOT, or with AWS_STORAGE_BUCKET_NAME an S3-compatible bucket that every
# server shares (django-storages reads the AWS_* settings below). core.storage says which, for health and backups.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
# A folder (key prefix) of the bucket for the site's media, when the bucket also holds other things: uploads,
# backups and restores keep to it (a restore deletes whatever else is under it).
AWS_LOCATION = os.environ.get("AWS_LOCATION", "").strip("/")
# S3-compatible services answer at one address with the bucket in the path; AWS itself by the bucket's own host.
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or ("path" if AWS_S3_ENDPOINT_URL else None)
# Pages link to the objects themselves (the bucket lets anyone read them, as /media/ did), never to signed links
# that would expire inside a cached page. An upload never replaces another file of the same name.
AWS_QUERYSTRING_AUTH = False
AWS_DEFAULT_ACL = None
AWS_S3_FILE_OVERWRITE = False
AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
MEDIA_STORAGE = (
    {"BACKEND": "core.bucket_storage.BucketStorage"}
    if AWS_STORAGE_BUCKET_NAME
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
# Inlined in every page (core.stylesheet); collectstatic also serves it as css/site.css for the error page.
SITE_STYLESHEET = BASE_DIR / "build" / "static" / "css" / "site.css"
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_ALLOW_ALL_ORIGINS = False
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console in development; EMAIL_URL (smtp://user:pass@host:587/?tls=True) or DJANGO_EMAIL_* otherwise.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    globals().update(dj_email_url.parse(EMAIL_URL))
elif os.environ.get("DJANGO_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["DJANGO_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A silent relay must not hold the task worker: a send gives up after this, and is tried again later.
EMAIL_TIMEOUT = globals().get("EMAIL_TIMEOUT") or 30
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Cranes Club <club@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people write to the club (the Contact and Privacy pages): the sender's address unless set.
CLUB_CONTACT_EMAIL = os.environ.get("CLUB_CONTACT_EMAIL") or re.sub(r"^.*<|>$", "", DEFAULT_FROM_EMAIL).strip()

# Behind a TLS-terminating proxy in production (X-Forwarded-Proto). A load balancer's probe of /healthz may come
# in plain HTTP from inside: it gets its answer, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # A year and the browsers' preload list by default; a new site may start shorter, without preload.
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

CONTENT_SECURITY_POLICY_REPORT_ONLY = None
# Where pages' uploaded images come from when they are in a bucket.
if not AWS_STORAGE_BUCKET_NAME:
    MEDIA_ORIGINS = []
elif AWS_S3_CUSTOM_DOMAIN:
    MEDIA_ORIGINS = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
elif AWS_S3_ENDPOINT_URL:
    _endpoint = re.match(r"^(\w+)://([^/]+)", AWS_S3_ENDPOINT_URL)
    if _endpoint is None:
        raise ImproperlyConfigured(
            f"AWS_S3_ENDPOINT_URL must be a URL with its scheme, such as https://s3.example.net; it is "
            f"{AWS_S3_ENDPOINT_URL!r}."
        )
    _scheme, _host = _endpoint.groups()
    MEDIA_ORIGINS = [f"{_scheme}://{_host}"]
    if AWS_S3_ADDRESSING_STYLE != "path":  # the bucket as a host of its own: BUCKET.endpoint
        MEDIA_ORIGINS.append(f"{_scheme}://{AWS_STORAGE_BUCKET_NAME}.{_host}")
else:
    MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
    if AWS_S3_REGION_NAME:
        MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com")
# No inline scripts, and no inline styles but the site's stylesheet, inlined in every page and allowed by its
# hash (core.middleware.SiteCSPMiddleware adds it to style-src): every script is a file of our own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws a few icons (select arrows, checkboxes) as data: SVGs.
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Logs go to stdout, one JSON object a line (plain text in debug). Errors are also emailed to ADMINS.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "plain" if DEBUG else "json"},
        # Django's error emails to ADMINS, sent as notices by the task worker (outbox.log).
        "mail_admins": {"level": "ERROR", "filters": ["require_debug_false"], "class": "outbox.log.AdminNoticeHandler"},
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout", "mail_admins"], "level": "INFO", "propagate": False},
        # Anyone can send a request naming another host: worth a log line, never an email.
        "django.security.DisallowedHost": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
ADMINS = [("Admin", address) for address in env_list("DJANGO_ADMINS", "")]
# What an error report shows: no credential among the settings (a password in a URL included), no POST data, no
# cookies (outbox.reports). Reports wait for the worker in a table backups leave out, and go once sent.
DEFAULT_EXCEPTION_REPORTER_FILTER = "outbox.reports.ReportFilter"

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    # No request bodies and no local variables: a form's password fields (password1, oldpassword) and codes
    # are named in ways Sentry's own scrubber does not know.
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# The club's own settings.
# The public address, without a trailing slash: core.links.absolute_url() builds every absolute link from it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
if not re.fullmatch(r"https?://[^/?#\s]+", SITE_URL):
    raise ImproperlyConfigured(f"SITE_URL must be a scheme and host, such as https://cranes.example; got {SITE_URL!r}.")
# Visitors' pages and members' page fragments are cached this long at most (changes retire them at once);
# 0 turns both off. The cache is shared by every process: Redis, or files on this machine.
CLUB_PAGE_CACHE_SECONDS = int(os.environ.get("CLUB_PAGE_CACHE_SECONDS", "300"))
# Each process keeps this many recent pages, fragments and rows itself (about 15 kB each), under the content
# version, so a warm page costs one small read from the shared cache.
CLUB_RECENT_ENTRIES = int(os.environ.get("CLUB_RECENT_ENTRIES", "500"))
# 0 turns off only the visitors' whole pages, leaving fragments: what an uncached visitor's page costs.
CLUB_VISITOR_PAGES = env_bool("CLUB_VISITOR_PAGES", True)
FACTS_PER_PAGE = 12
# A change's reason in the catalogue's history is the note readers are shown, which can be long.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The task queue (django-tasks, Django 6.0's django.tasks backported): tasks are rows in the database,
# written in the transaction that caused them, and run by `manage.py db_worker`.
# Link checks have a queue of their own (and a worker of their own, Procfile), so mail never waits behind them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "links"]}}
# While a task runs, its worker beats every CLUB_TASK_HEARTBEAT (outbox.heartbeat). A task running whose worker
# has not beaten for CLUB_TASK_LEASE is taken to have lost it (killed, its machine gone): `manage.py
# recover_tasks` puts it back in the queue. A task may run any time while its worker lives; tasks are safe to
# run twice.
CLUB_TASK_HEARTBEAT = timedelta(seconds=float(os.environ.get("CLUB_TASK_HEARTBEAT_SECONDS", "30")))
CLUB_TASK_LEASE = timedelta(seconds=int(os.environ.get("CLUB_TASK_LEASE_SECONDS", "900")))
# A task whose worker died this many times is marked failed rather than tried again.
CLUB_TASK_MAX_CLAIMS = 3
# A notice that cannot be delivered (mail relay down) is tried again with backoff until this has passed.
CLUB_NOTICE_GIVE_UP = timedelta(hours=24)
# /healthz fails when a task has waited longer than this: no worker is running, or too few.
CLUB_QUEUE_MAX_WAIT = timedelta(seconds=int(os.environ.get("CLUB_QUEUE_MAX_WAIT_SECONDS", "300")))
# A seat that frees up is offered to the first party waiting, to claim within CLUB_OFFER_HOURS, but never
# later than CLUB_DOOR_HOURS before the start; seats that free up in those last hours go to the door.
# An offer needs some time to be read and claimed: a quarter of an hour at the least.
CLUB_OFFER_WINDOW = env_hours("CLUB_OFFER_HOURS", 24, least=0.25)
CLUB_DOOR_WINDOW = env_hours("CLUB_DOOR_HOURS", 2)

# The layout's links by URL name ({{ nav.faq }} in base.html), the menu items that own the pages under
# their address, and the layout's static files ({{ asset.og_image }}). See core.context_processors.
LAYOUT_LINKS = {
    "home": "home:index",
    "facts": "facts:list",
    "faq": "facts:faq",
    "screenings": "screenings:list",
    "discussion": "discussion:latest",
    "login": "account_login",
    "signup": "account_signup",
    "logout": "account_logout",
    "my_screenings": "screenings:mine",
    "fact_feed": "fact_feed",
    "about": "home:about",
    "contact": "home:contact",
    "privacy": "home:privacy",
}
LAYOUT_SECTIONS = ("facts", "faq", "screenings", "discussion")
LAYOUT_ASSETS = {"og_image": "img/og-cranes.png"}
# The tab's icon, sent inside every page as a data: address (core.context_processors).
LAYOUT_ICON = "img/favicon.svg"
