"""gunicorn's settings, read from the working directory when gunicorn starts there.

Worker count comes from WEB_CONCURRENCY (gunicorn's own default); the bind address from the
command line. gunicorn's own lines (start-up, worker restarts, timeouts) are JSON on stdout
like the app's; its access log stays off because the app logs each request itself, without
the query string.
"""

import os
import sys

timeout = 30
graceful_timeout = 30
# Recycle workers now and then, so a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory: a container's disk can stall long enough to kill idle workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "midback.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
        "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
    },
}


def on_starting(server):
    """Refuse several workers that would each keep their own cache.

    A person's pages (session, Today, week, history, progress) are cached under version
    counters held in the cache itself. With the in-process memory cache (no REDIS_URL, no
    CACHE_BACKEND=database) each worker has its own counters, so a set logged through one
    worker would not show on a page another worker had already cached.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "midback.settings")
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    if server.cfg.workers > 1 and backend.endswith("LocMemCache"):
        sys.exit(
            f"gunicorn: {server.cfg.workers} workers need a shared cache: set REDIS_URL, or "
            "CACHE_BACKEND=database (after `manage.py createcachetable`), or run one worker."
        )
