"""PostgreSQL connections one app server holds, without the pool (persistent connections, as before) and with it.

gunicorn with the production config (4 workers, 2 threads each) against PostgreSQL and Redis, the page cache
off so every request uses the database; wrk drives 64 connections for 30 s over the load run's pages while
pg_stat_activity is counted twice a second; then the count is taken again after 150 s idle (the pool lets an
idle connection go within two minutes; persistent connections stay 10 minutes).
Usage: python benchmarks/connections.py (needs wrk, PostgreSQL and Redis as for `make load`)
"""

import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load import PATHS  # noqa: E402
from benchmarks.server import ROOT, gunicorn, prepare, require, site_env, workdir  # noqa: E402

DATABASE = "cranesclub_bench"
CASES = {
    "without the pool (DATABASE_POOL_MAX=0), as before": "0",
    "with the pool (DATABASE_POOL_MAX=2, the default)": "2",
    "with the pool (DATABASE_POOL_MAX=1)": "1",
}
IDLE = 150  # the pool drops one idle connection a minute (max_idle), once a whole minute has gone unused


def connections() -> int:
    others = "AND pid <> pg_backend_pid()"
    query = f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DATABASE}' {others}"  # noqa: S608  # nosec B608
    command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-At", "-c", query]
    return int(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def measure(pool_max: str, port: int) -> tuple[int, int]:
    with workdir() as tmp:
        env = site_env("postgres", tmp, DATABASE_POOL_MAX=pool_max, CLUB_PAGE_CACHE_SECONDS="0")
        prepare(env)
        with gunicorn(env, port=port, workers=4, threads=2) as base:
            peak, done = 0, threading.Event()

            def sample() -> None:
                nonlocal peak
                while not done.is_set():
                    peak = max(peak, connections())
                    time.sleep(0.5)

            sampler = threading.Thread(target=sample)
            sampler.start()
            subprocess.run(
                ["wrk", "-t2", "-c64", "-d30s", "--timeout", "10s", "-s", "benchmarks/load.lua", base, "--", *PATHS],
                cwd=ROOT, capture_output=True, check=True,
            )  # fmt: skip
            done.set()
            sampler.join()
            time.sleep(IDLE)
            return peak, connections()


def main() -> int:
    require("wrk", "wrk")
    for number, (label, pool_max) in enumerate(CASES.items()):
        peak, idle = measure(pool_max, 8200 + number)
        print(f"{label}: {peak} connections under load, {idle} after {IDLE} s idle", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
