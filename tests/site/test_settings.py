"""Settings are read from the environment; these run a fresh interpreter per case."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, cranesclub.settings as s; "
    "print(json.dumps([s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
    "s.ALLOWED_HOSTS, s.DATABASES['default'].get('OPTIONS', {}).get('transaction_mode')]))"
)


def load_settings(probe: str = PROBE, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    clean.pop("TRUSTED_PROXY_COUNT", None)
    return subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(("value", "expected"), [(None, 0), ("1", 1), ("2", 2)])
def test_trusted_proxy_count_tells_allauth_which_address_is_the_visitors(value, expected):
    """Behind one proxy (nginx) the visitor is the last address in X-Forwarded-For; with none, the peer."""
    env = {"DJANGO_DEBUG": "1"} | ({"TRUSTED_PROXY_COUNT": value} if value else {})
    probe = "import cranesclub.settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    assert load_settings(probe, **env).stdout.strip() == str(expected)


def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_the_site_refuses_to_start_without_the_two_factor_key_when_debug_is_off(monkeypatch):
    monkeypatch.delenv("MFA_ENCRYPTION_KEY", raising=False)
    result = load_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY is not set" in result.stderr
    bad = load_settings(DJANGO_SECRET_KEY="x" * 50, MFA_ENCRYPTION_KEY="too-short")
    assert "MFA_ENCRYPTION_KEY must be 32 bytes" in bad.stderr
    assert load_settings(DJANGO_DEBUG="1").returncode == 0  # debug makes one from the secret key


def test_debug_needs_no_secret_key_and_defaults_to_sqlite_with_immediate_transactions():
    result = load_settings(DJANGO_DEBUG="1")
    debug, engine, cache, hosts, mode = json.loads(result.stdout)
    assert debug is True
    assert engine == "django.db.backends.sqlite3"
    assert mode == "IMMEDIATE"
    assert cache.endswith("FileBasedCache")  # shared by every process on the machine
    assert hosts == ["localhost", "127.0.0.1"]


def test_database_and_redis_urls_switch_the_backends():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://club:secret@db.example:5432/cranesclub",
        REDIS_URL="redis://cache.example:6379/0",
        DJANGO_ALLOWED_HOSTS="cranes.example, www.cranes.example",
    )
    debug, engine, cache, hosts, _ = json.loads(result.stdout)
    assert debug is False
    assert engine == "django.db.backends.postgresql"
    assert cache.endswith("RedisCache")
    assert hosts == ["cranes.example", "www.cranes.example"]


def test_hsts_max_age_and_preload_come_from_the_environment():
    probe = "import json, cranesclub.settings as s; print(json.dumps([s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD]))"
    assert json.loads(load_settings(probe, DJANGO_SECRET_KEY="x" * 50).stdout) == [31_536_000, True]
    chosen = load_settings(probe, DJANGO_SECRET_KEY="x" * 50, DJANGO_HSTS_SECONDS="600", DJANGO_HSTS_PRELOAD="0")
    assert json.loads(chosen.stdout) == [600, False]


@pytest.mark.parametrize("value", ["yes", "on", "2"])
def test_env_bool_rejects_anything_but_0_1_true_false(value):
    result = load_settings(DJANGO_DEBUG=value)
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of 0, 1, true, false" in result.stderr


def test_check_deploy_is_clean_with_nothing_silenced():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env = {
        **clean,
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-" + "q" * 20,
        "DJANGO_ALLOWED_HOSTS": "cranes.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_manage_py_refuses_to_start_without_a_secret_key_in_one_clear_line():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Cranes Club cannot start: DJANGO_SECRET_KEY is not set")


DATABASE_PROBE = "import json, cranesclub.settings as s; d = s.DATABASES['default']; print(json.dumps([d['CONN_MAX_AGE'], d.get('OPTIONS', {}), d.get('DISABLE_SERVER_SIDE_CURSORS', False), d['CONN_HEALTH_CHECKS']]))"  # noqa: E501
POSTGRES = "postgres://club:secret@db.example:5432/cranesclub"


def test_postgresql_connections_come_from_a_pool_of_a_stated_size():
    age, options, *_ = json.loads(load_settings(DATABASE_PROBE, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES).stdout)
    assert age == 0  # Django's pool wants it so: each request's connection goes back to the pool
    assert options["pool"] == {"min_size": 1, "max_size": 2, "max_idle": 60, "timeout": 10}
    chosen = load_settings(DATABASE_PROBE, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES, DATABASE_POOL_MAX="4")
    assert json.loads(chosen.stdout)[1]["pool"]["max_size"] == 4


def test_behind_pgbouncer_nothing_outlives_a_transaction():
    result = load_settings(DATABASE_PROBE, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES, DATABASE_PGBOUNCER="1")
    assert json.loads(result.stdout)[:3] == [0, {"prepare_threshold": None}, True]
    off = load_settings(DATABASE_PROBE, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES, DATABASE_POOL_MAX="0")
    assert json.loads(off.stdout)[:2] == [600, {}]  # no pool: persistent connections, as before


@pytest.mark.parametrize("env", [{}, {"DATABASE_PGBOUNCER": "1"}, {"DATABASE_POOL_MAX": "0"}])
def test_the_urls_connection_options_are_kept(env):
    url = f"{POSTGRES}?sslmode=verify-full&sslrootcert=/etc/ssl/db.pem"
    _, options, _, _ = json.loads(load_settings(DATABASE_PROBE, DJANGO_DEBUG="1", DATABASE_URL=url, **env).stdout)
    assert options["sslmode"] == "verify-full"
    assert options["sslrootcert"] == "/etc/ssl/db.pem"


def test_pooled_connections_are_checked_as_they_are_borrowed():
    """Django 5.2 gives the pool check=ConnectionPool.check_connection only when CONN_HEALTH_CHECKS is on: after a
    failover a dead connection is replaced, not handed to a request that then fails."""
    *_, health_checks = json.loads(load_settings(DATABASE_PROBE, DJANGO_DEBUG="1", DATABASE_URL=POSTGRES).stdout)
    assert health_checks is True


STORAGE_PROBE = (
    "import json, cranesclub.settings as s; "
    "print(json.dumps([s.STORAGES['default']['BACKEND'], s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
)


@pytest.mark.parametrize(
    ("env", "origin"),
    [
        ({"AWS_S3_ENDPOINT_URL": "https://s3.eu.example.net/"}, "https://s3.eu.example.net"),
        (
            {"AWS_S3_ENDPOINT_URL": "https://s3.eu.example.net", "AWS_S3_ADDRESSING_STYLE": "virtual"},
            "https://club-media.s3.eu.example.net",
        ),
        ({"AWS_S3_CUSTOM_DOMAIN": "media.cranes.example"}, "https://media.cranes.example"),
        ({"AWS_S3_REGION_NAME": "eu-west-2"}, "https://club-media.s3.eu-west-2.amazonaws.com"),
    ],
)
def test_a_bucket_takes_the_uploads_and_pages_may_show_its_images(env, origin):
    result = load_settings(STORAGE_PROBE, DJANGO_DEBUG="1", AWS_STORAGE_BUCKET_NAME="club-media", **env)
    backend, img_src = json.loads(result.stdout)
    assert backend == "core.bucket_storage.BucketStorage"
    assert origin in img_src


def test_without_a_bucket_uploads_stay_on_the_file_system():
    backend, img_src = json.loads(load_settings(STORAGE_PROBE, DJANGO_DEBUG="1").stdout)
    assert backend == "django.core.files.storage.FileSystemStorage"
    assert img_src == ["'self'", "data:"]


def test_without_a_bucket_no_process_imports_boto():
    probe = "import sys, django; django.setup(); print(sorted(m for m in sys.modules if m.split('.')[0] in ('botocore', 'boto3', 'storages')))"  # noqa: E501
    result = load_settings(probe, DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="cranesclub.settings")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_bucket_endpoint_without_its_scheme_is_refused_in_one_clear_line():
    result = load_settings(
        STORAGE_PROBE, DJANGO_DEBUG="1", AWS_STORAGE_BUCKET_NAME="club-media", AWS_S3_ENDPOINT_URL="s3.eu.example.net"
    )
    assert result.returncode == 1
    assert "ImproperlyConfigured: AWS_S3_ENDPOINT_URL must be a URL with its scheme" in result.stderr
