"""Version counters in the cache: what a cached part shows is keyed by their values.

A change bumps its counter (the library's, a person's log, a person's plan), so every part
built from the old rows becomes unreachable and expires on its own. A missing counter (never
set, evicted, expired) starts at the current time in nanoseconds: always past any value it
held before, never a reused one.

A page reads the same counter several times (Today reads the plan's three times); within a
request the first read is remembered (`VersionsMiddleware`), and a bump in the request forgets
it, so the request still sees its own changes. Outside a request every read goes to the cache.
"""

import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

_read_in_request = ContextVar("midback_versions", default=None)


def read(key, timeout):
    seen = _read_in_request.get()
    if seen is not None and key in seen:
        return seen[key]
    value = cache.get_or_set(key, time.time_ns, timeout=timeout)
    if seen is not None:
        seen[key] = value
    return value


def bump(key, timeout):
    seen = _read_in_request.get()
    if seen is not None:
        seen.pop(key, None)
    try:
        cache.incr(key)
    except ValueError:  # no version yet: any fresh number will do
        cache.set(key, time.time_ns(), timeout)


def changed(key, timeout):
    """Now, and again once committed: a part built in between read the old rows."""
    bump(key, timeout)
    transaction.on_commit(lambda: bump(key, timeout))


class VersionsMiddleware:
    """Each request remembers the counters it has read, for itself only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_in_request.set({})
        try:
            return self.get_response(request)
        finally:
            _read_in_request.reset(token)
