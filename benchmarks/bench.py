"""Requests per second of the site's pages against a bare Django view of the same size, with no middleware.

Everything runs as production does: gunicorn with 2 workers, debug off, driven by wrk in turn. The site
runs with each of production's caches, Redis (and PostgreSQL) and then the shared file cache (and
SQLite), and is measured for visitors (whole pages from the cache), visitors with the whole-page cache
off (their pages built from fragments), and a logged-in member. The ratios to the bare view are the
targets. Usage: python benchmarks/bench.py [--seconds 10] [--connections 16]
"""

import argparse
import http.client
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import PYTHON, ROOT, gunicorn, prepare, require, site_env, workdir  # noqa: E402

VISITOR_PAGES = ["/", "/facts/", "/facts/palme-dor-winner/"]
MEMBER_PAGES = ["/facts/", "/facts/palme-dor-winner/", "/screenings/"]
TARGETS = {"redis": 0.6, "files": 0.5, "uncached": 0.15, "member": 0.2}
# The ratios of the previous release (959d2b0), the median of three runs of this script on the project's 2-core
# machine on 2026-12-07, before the page cache's fast path in front of Django and the rarer worker recycling.
BEFORE = {
    "redis": {"/": 0.61, "/facts/": 0.61, "/facts/palme-dor-winner/": 0.58},
    "files": {"/": 0.85, "/facts/": 0.84, "/facts/palme-dor-winner/": 0.86},
    "uncached": {"/": 0.19, "/facts/": 0.32, "/facts/palme-dor-winner/": 0.33},
    "member": {"/facts/": 0.25, "/facts/palme-dor-winner/": 0.24, "/screenings/": 0.26},
}
# Pages are CPU-bound: on 2 cores one thread a worker serves them fastest, for the site and the baseline alike.
THREADS = 1


def get(port: int, path: str, cookie: str = "") -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"X-Forwarded-Proto": "https", "Cookie": cookie})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 200, (path, response.status)
    return body


def rps(base: str, path: str, *, seconds: int, connections: int, cookie: str = "") -> float:
    headers = ["-H", "X-Forwarded-Proto: https"] + (["-H", f"Cookie: {cookie}"] if cookie else [])
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *headers, base + path],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"errors while measuring {base}{path}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def measure(env: dict, port: int, paths: list[str], cookie: str = "", **load) -> dict[str, float]:
    with gunicorn(env, port=port, workers=2, threads=THREADS) as base:
        for path in paths:  # warm up: templates compiled, pages and fragments cached
            get(port, path, cookie)
            rps(base, path, seconds=1, connections=4, cookie=cookie)
        return {path: rps(base, path, cookie=cookie, **load) for path in paths}


def member_cookie(env: dict) -> str:
    made = subprocess.run([PYTHON, "benchmarks/member_session.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    if made.returncode:
        sys.exit(made.stderr)
    return made.stdout.strip().splitlines()[-1]


def sizes_of(env: dict, port: int, paths: list[str]) -> dict[str, int]:
    with gunicorn(env, port=port, workers=1, threads=THREADS):
        return {path: len(get(port, path)) for path in paths}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", nargs="+", choices=sorted(TARGETS), help="measure only these (and the bare view)")
    options = parser.parse_args()
    load = {"seconds": options.seconds, "connections": options.connections}
    require("wrk", "wrk")
    pages = sorted(set(VISITOR_PAGES + MEMBER_PAGES), key=(VISITOR_PAGES + MEMBER_PAGES).index)
    with workdir() as tmp:
        redis_env = site_env("postgres", tmp)
        prepare(redis_env)
        cookie = member_cookie(redis_env)
        sizes = sizes_of(redis_env, 8300, pages)
        wanted = set(options.only or TARGETS)
        results = {kind: {} for kind in TARGETS}
        if "redis" in wanted:
            results["redis"] = measure(redis_env, 8301, VISITOR_PAGES, **load)
        if "uncached" in wanted:
            results["uncached"] = measure({**redis_env, "CLUB_VISITOR_PAGES": "0"}, 8302, VISITOR_PAGES, **load)
        if "member" in wanted:
            results["member"] = measure(redis_env, 8303, MEMBER_PAGES, cookie=cookie, **load)
        if "files" in wanted:
            files_env = site_env("sqlite", tmp, CACHE_DIR=str(tmp / "cache"))
            prepare(files_env)
            results["files"] = measure(files_env, 8304, VISITOR_PAGES, **load)
        bare_env = {**redis_env, "BARE_SIZES": json.dumps(sizes), "BARE_MIDDLEWARE": "none"}
        with gunicorn(bare_env, port=8305, workers=2, app="benchmarks.bare:application", threads=THREADS) as base:
            bare = {path: rps(base, path, **load) for path in pages}
    return report(results, bare, sizes, options)


def report(results: dict, bare: dict, sizes: dict, options) -> int:
    print(f"gunicorn, 2 workers of {THREADS} thread; wrk {options.connections} connections, {options.seconds} s a run")
    print("requests a second, the ratio to a bare Django view of the same size with no middleware, and (in")
    print("brackets) the ratio of the previous release, 959d2b0")
    columns = {
        "redis": "visitors, Redis",
        "files": "visitors, file cache",
        "uncached": "visitors, no page cache",
        "member": "members",
    }
    print(f"{'page':26} {'bytes':>6} {'bare':>6}" + "".join(f" {title:>24}" for title in columns.values()))
    missed = []
    for path in bare:
        cells = []
        for kind in columns:
            if path not in results[kind]:
                cells.append(f" {'-':>24}")
                continue
            ratio = results[kind][path] / bare[path]
            if ratio < TARGETS[kind]:
                missed.append(f"{kind} {path} {ratio:.2f} < {TARGETS[kind]}")
            cells.append(f" {results[kind][path]:>9.0f} {ratio:>5.2f}x ({BEFORE[kind][path]:.2f}x)")
        print(f"{path:26} {sizes[path]:>6} {bare[path]:>6.0f}" + "".join(cells))
    print("targets: " + ", ".join(f"{columns[kind]} >= {target}" for kind, target in TARGETS.items()))
    print("all targets met" if not missed else "MISSED: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
