"""Starting the site under gunicorn, with its own database, for the load run and the benchmark."""

import base64
import http.client
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/{name}"
# The benchmarks empty this Redis database before each run: BENCH_REDIS_URL names one nothing else uses.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


def site_env(database: str, workdir: Path, **extra) -> dict:
    """The environment of a production-like site: debug off, its own database and media."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "MFA_ENCRYPTION_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESSLOG": "",
    }
    env.pop("REDIS_URL", None)
    if database == "postgres":
        env["DATABASE_URL"] = POSTGRES_URL.format(name="cranesclub_bench")
        env["REDIS_URL"] = REDIS_URL
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def fresh_database(env: dict) -> None:
    """An empty, migrated database (SQLite files start empty; PostgreSQL's is made again)."""
    if env["DATABASE_URL"].startswith("postgres"):
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "cranesclub_bench"], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "cranesclub_bench"], check=True)
    manage(env, "migrate", "--no-input")


def prepare(env: dict) -> None:
    """A fresh database with the catalogue, demo screenings, and built static files."""
    fresh_database(env)
    if env.get("REDIS_URL"):
        subprocess.run(["redis-cli", "-u", env["REDIS_URL"], "flushdb"], check=True, stdout=subprocess.DEVNULL)
    manage(env, "load_catalogue")
    manage(env, "load_demo_screenings")
    manage(env, "collectstatic", "--no-input")


@contextmanager
def gunicorn(env: dict, *, port: int, workers: int, app: str = "cranesclub.wsgi", threads: int = 2, tls=None):
    """Serve `app` on 127.0.0.1:port; with tls=(certfile, keyfile) over HTTPS."""
    command = [
        PYTHON, "-m", "gunicorn", app, "--config", "gunicorn.conf.py",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
    ]  # fmt: skip
    if tls:
        command += ["--certfile", str(tls[0]), "--keyfile", str(tls[1])]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        wait_until_up(port, "/healthz" if app == "cranesclub.wsgi" else "/", certfile=tls[0] if tls else None)
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(port: int, path: str, timeout: float = 30, certfile: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if certfile:
            trusted = ssl.create_default_context(cafile=str(certfile))
            connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=2, context=trusted)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
        finally:
            connection.close()
    raise RuntimeError(f"127.0.0.1:{port}{path} did not come up within {timeout} s")


@contextmanager
def workdir():
    path = Path(tempfile.mkdtemp(prefix="cranesclub-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def require(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        sys.exit(f"{tool} is needed: apt-get install {package}")
