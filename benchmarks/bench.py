"""Requests per second of the site's pages against a bare Django view of the same size.

All run under gunicorn with 2 workers and are driven by wrk in turn. The site runs twice: with the
visitors' page cache, and with it turned off. The baseline is a bare Django project (startproject's
default middleware, one view returning the bytes); the ratios to it are the targets: >= 0.6 cached,
>= 0.2 uncached. A view with no middleware at all is measured too and printed for reference.
Usage: python benchmarks/bench.py [--seconds 10] [--connections 16] [--database sqlite|postgres]
"""

import argparse
import http.client
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import ROOT, gunicorn, prepare, require, site_env, workdir  # noqa: E402

PATHS = ["/", "/facts/", "/facts/palme-dor-winner/"]
TARGETS = {"cached": 0.6, "uncached": 0.2}
# Pages are CPU-bound: on 2 cores one thread a worker serves them fastest, for the site and the baselines alike.
THREADS = 1


def page_size(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 200, (path, response.status)
    return len(body)


def rps(base: str, path: str, *, seconds: int, connections: int) -> float:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "X-Forwarded-Proto: https", base + path],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"errors while measuring {base}{path}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def measure(env: dict, port: int, **load) -> tuple[dict, dict]:
    with gunicorn(env, port=port, workers=2, threads=THREADS) as base:
        sizes = {path: page_size(port, path) for path in PATHS}
        for path in PATHS:  # warm up: templates compiled, cache filled
            rps(base, path, seconds=1, connections=4)
        return sizes, {path: rps(base, path, **load) for path in PATHS}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    options = parser.parse_args()
    load = {"seconds": options.seconds, "connections": options.connections}
    require("wrk", "wrk")

    with workdir() as tmp:
        env = site_env(options.database, tmp)
        prepare(env)
        # Nothing is written during the run, so each worker's own cache is as good as a shared one here.
        sizes, cached = measure({**env, "CLUB_PAGE_CACHE_SECONDS": "300"}, 8301, **load)
        _, uncached = measure({**env, "CLUB_PAGE_CACHE_SECONDS": "0"}, 8302, **load)
        bare_env = {**env, "BARE_SIZES": json.dumps(sizes)}
        with gunicorn(bare_env, port=8303, workers=2, app="benchmarks.bare:application", threads=THREADS) as base:
            bare = {path: rps(base, path, **load) for path in PATHS}
        floor_env = {**bare_env, "BARE_MIDDLEWARE": "none"}
        with gunicorn(floor_env, port=8304, workers=2, app="benchmarks.bare:application", threads=THREADS) as base:
            floor = {path: rps(base, path, **load) for path in PATHS}

    run = f"wrk {options.connections} connections, {options.seconds} s a run; {options.database}"
    print(f"gunicorn, 2 workers of {THREADS} thread; {run}")
    print("req/s; ratios are the site's req/s over the bare project's (and, right, over a no-middleware view's)")
    header = f"{'page':26} {'bytes':>6} {'bare':>6} {'cached':>7} {'ratio':>6} {'uncached':>9} {'ratio':>6}"
    print(header + f"   {'no-middleware view':>19} {'ratios':>11}")
    failed = False
    for path in PATHS:
        ratios = {"cached": cached[path] / bare[path], "uncached": uncached[path] / bare[path]}
        failed |= any(ratios[kind] < target for kind, target in TARGETS.items())
        print(
            f"{path:26} {sizes[path]:>6} {bare[path]:>6.0f} {cached[path]:>7.0f} {ratios['cached']:>6.2f}"
            f" {uncached[path]:>9.0f} {ratios['uncached']:>6.2f}   {floor[path]:>19.0f}"
            f" {cached[path] / floor[path]:>5.2f} {uncached[path] / floor[path]:>5.2f}"
        )
    print(f"targets: cached >= {TARGETS['cached']}, uncached >= {TARGETS['uncached']}: {'MISSED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
