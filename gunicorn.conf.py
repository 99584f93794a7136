"""gunicorn settings for `make serve` and deployments. Each can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound. Rarely: a new worker spends
# about half a second of CPU starting Django and begins with nothing of the cache in its memory, and at
# 50,000 requests a busy worker was recycled every half minute (a day of a club's traffic is far less).
max_requests = 1_000_000
max_requests_jitter = 100_000
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# The TLS proxy sets X-Forwarded-Proto; trust it only from where the proxy runs.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
