"""The library's shared content, cached with a version that every content change bumps.

Every visitor sees the same movements, so a page of the library (for one set of filters)
is built once and served from the cache until the content changes. Old keys are never
deleted: a new version makes them unreachable and they expire on their own. With the
in-memory cache each process has its own copy, so a change reaches the others when their
entries expire (TIMEOUT); the shared Redis cache (REDIS_URL) makes it immediate.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import render_to_string

VERSION_KEY = "exercises:library-version"
TIMEOUT = 300
PAGE_SIZE = 24


def library_version():
    # A fresh number when the key is missing (evicted or never set), never a reused one.
    return cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)


def library_changed():
    """Call after any change to movements, equipment, muscles or guidance (the admin does)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: any fresh number will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def cached(name, parts, build):
    """build() once per content version for the given name and parts (any repr-able)."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"exercises:{name}:{library_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:  # nothing found is not kept
            cache.set(key, value, TIMEOUT)
    return value


@dataclass
class LibraryPage:
    """One page of movements, plain enough to pickle into the cache."""

    exercises: list
    count: int
    number: int
    num_pages: int
    cards_html: str = ""

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages

    @classmethod
    def build(cls, exercises, number):
        page = Paginator(exercises, PAGE_SIZE).get_page(number)
        exercises = list(page.object_list)
        # The cards are the same for everyone: render them once, not on every request.
        cards = render_to_string(
            "exercises/exercise_list.html#exercise-cards", {"exercises": exercises}
        )
        return cls(
            exercises=exercises,
            count=page.paginator.count,
            number=page.number,
            num_pages=page.paginator.num_pages,
            cards_html=cards,
        )
