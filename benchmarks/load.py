"""Load run: 64 connections for 60 seconds against gunicorn, on SQLite and on PostgreSQL with Redis.

Passes when there are no 5xx responses (no non-2xx/3xx at all: every page in the mix answers 200)
and no connection, read, write or timeout errors. Usage: python benchmarks/load.py [--database sqlite|postgres|both]
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import ROOT, gunicorn, prepare, require, site_env, workdir  # noqa: E402

PATHS = [
    "/",
    "/facts/",
    "/facts/palme-dor-winner/",
    "/facts/?q=cannes",
    "/facts/?category=awards",
    "/faq/",
    "/screenings/",
    "/screenings/demo-club-screening/",
    "/discussion/",
    "/feeds/screenings/",
    "/static/css/site.css",
    "/healthz",
]


def run(database: str, *, seconds: int, connections: int, port: int) -> dict:
    with workdir() as tmp:
        env = site_env(database, tmp)
        prepare(env)
        with gunicorn(env, port=port, workers=4) as base:
            output = subprocess.run(
                ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", "benchmarks/load.lua",
                 base, "--", *PATHS],
                cwd=ROOT, capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
    result = dict(re.findall(r"(\w+)=([\d.]+)", output.split("RESULT", 1)[1]))
    result["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    options = parser.parse_args()
    require("wrk", "wrk")

    failed = False
    for number, database in enumerate(["sqlite", "postgres"] if options.database == "both" else [options.database]):
        r = run(database, seconds=options.seconds, connections=options.connections, port=8100 + number)
        errors = sum(int(r[k]) for k in ("connect", "read", "write", "timeout"))
        label = "SQLite" if database == "sqlite" else "PostgreSQL + Redis"
        print(
            f"{label:20} {options.connections} connections, {options.seconds} s: {int(r['requests'])} requests, "
            f"{r['rps']:.0f} req/s, p99 {r['p99_ms']} ms, non-2xx/3xx {r['status']}, socket errors {errors}"
        )
        failed |= int(r["status"]) > 0 or errors > 0
    print("FAILED: errors or non-2xx responses" if failed else "OK: zero 5xx, zero errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
