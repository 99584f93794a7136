"""Cancelling a screening with 500 RSVPs: the admin's request, then the worker sending the 500 emails.

Production settings (debug off) on a fresh database; the emails go over SMTP to a local server.
Usage: python benchmarks/notices.py [--database sqlite|postgres] [--rsvps 500]
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import PYTHON, ROOT, fresh_database, site_env, workdir  # noqa: E402

PORT = 8325


class Count:
    def __init__(self):
        self.received = 0

    async def handle_DATA(self, server, session, envelope):
        self.received += 1
        return "250 OK"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rsvps", type=int, default=500)
    options = parser.parse_args()
    with workdir() as tmp:
        env = site_env(options.database, tmp, EMAIL_URL=f"smtp://127.0.0.1:{PORT}")
        fresh_database(env)
        request = subprocess.run(
            [PYTHON, "benchmarks/cancel_screening.py", str(options.rsvps)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        if request.returncode:
            sys.exit(request.stderr)
        figures = json.loads(request.stdout.splitlines()[-1])
        inbox = Count()
        server = Controller(inbox, hostname="127.0.0.1", port=PORT)
        server.start()
        try:
            started = time.perf_counter()
            worker = ["manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"]
            subprocess.run([PYTHON, *worker], cwd=ROOT, env=env, check=True, capture_output=True)
            sent_in = time.perf_counter() - started
        finally:
            server.stop()
    print(f"Cancelling a screening with {options.rsvps} RSVPs in the admin ({options.database}, debug off):")
    print(f"  the request took {figures['seconds'] * 1000:.0f} ms and {figures['queries']} queries (target: under 1 s)")
    print(f"  the worker then sent {inbox.received} emails over SMTP in {sent_in:.1f} s")
    return 0 if figures["seconds"] < 1 and inbox.received == options.rsvps else 1


if __name__ == "__main__":
    sys.exit(main())
