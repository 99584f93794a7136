"""Instructions per request, counted by callgrind: the site's pages against the bare view, in-process.

Requests per second (bench.py) move with whatever else the machine is doing; instruction counts do
not, so this is the figure to compare before and after a change to a page. Each page is requested
through the WSGI application (middleware, queries, templates; no server, no network) after a
warm-up, as production runs it (PostgreSQL, Redis, debug off), by a visitor served from the page
cache, by a visitor with the whole-page cache off, and by a logged-in member. Only this process's
instructions count: PostgreSQL's and Redis's own work does not. Needs valgrind (Debian's package);
takes about five minutes. Usage: python benchmarks/instructions.py [--requests 10]
"""

import argparse
import json
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench import MEMBER_PAGES, VISITOR_PAGES, member_cookie  # noqa: E402
from benchmarks.server import PYTHON, ROOT, prepare, require, site_env, workdir  # noqa: E402


def request(application, path: str) -> bytes:
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_COOKIE": os.environ.get("BENCH_COOKIE", ""),
        "wsgi.input": BytesIO(), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
    }  # fmt: skip
    statuses = []
    body = b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    assert statuses[0].startswith("200"), (path, statuses)
    return body


def serve(app: str, path: str, count: int) -> None:
    """Runs inside valgrind: only the requests inside sys.call_tracing are counted."""
    if app == "bare":
        from benchmarks.bare import application
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cranesclub.settings")
        from cranesclub.wsgi import application
    for _ in range(5):
        request(application, path)
    sys.call_tracing(lambda: [request(application, path) for _ in range(count)], ())


def count(env: dict, app: str, path: str, requests: int, out: Path) -> float:
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
         "--toggle-collect=sys_call_tracing", PYTHON, __file__, "--serve", app, path, "--requests", str(requests)],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    summary = next(line for line in out.read_text().splitlines() if line.startswith(("summary:", "totals:")))
    return int(summary.split()[1]) / requests


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--serve", nargs=2, metavar=("APP", "PATH"))
    options = parser.parse_args()
    if options.serve:
        serve(*options.serve, options.requests)
        return 0
    require("valgrind", "valgrind")
    with workdir() as tmp:
        env = site_env("postgres", tmp)
        prepare(env)
        cases = {
            "visitors, cached": (env, VISITOR_PAGES),
            "visitors, no page cache": ({**env, "CLUB_VISITOR_PAGES": "0"}, VISITOR_PAGES),
            "members": ({**env, "BENCH_COOKIE": member_cookie(env)}, MEMBER_PAGES),
        }
        site = {
            (kind, path): count(case_env, "site", path, options.requests, tmp / "site.out")
            for kind, (case_env, paths) in cases.items()
            for path in paths
        }
        bare_env = {**env, "BARE_SIZES": json.dumps({"/": 8000}), "BARE_MIDDLEWARE": "none"}  # about a page's size
        bare = count(bare_env, "bare", "/", options.requests, tmp / "bare.out")
    print(f"instructions per request (millions), {options.requests} requests after a warm-up; PostgreSQL and Redis")
    print(f"{'bare Django view, no middleware':52} {bare / 1e6:7.2f}")
    for (kind, path), instructions in site.items():
        print(f"{kind + ' ' + path:52} {instructions / 1e6:7.2f}   {instructions / bare:5.1f} x the bare view")
    return 0


if __name__ == "__main__":
    sys.exit(main())
