"""The library's shared content, cached with a version that every content change bumps.

Every visitor sees the same movements, so a page of the library (for one set of filters)
is built once and served from the cache until the content changes. Old keys are never
deleted: a new version makes them unreachable and they expire on their own. With the
in-memory cache each process has its own copy, so a change reaches the others when their
entries expire (TIMEOUT); the shared Redis cache (REDIS_URL) makes it immediate.
"""

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string

from midback import versions

VERSION_KEY = "exercises:library-version"
TIMEOUT = 300
PAGE_SIZE = 24


def library_version():
    return versions.read(VERSION_KEY, timeout=None)


def library_changed():
    """A new version: what the public sees is built again from the database."""
    versions.bump(VERSION_KEY, timeout=None)


def _content_changed(**kwargs):
    # Now, and again once the change is committed: a page rebuilt in between would have read
    # the old rows and been kept under the new version.
    library_changed()
    transaction.on_commit(library_changed)


def watch_library(*library_models):
    """Refresh the cache on every way these models' rows change: saves and deletes from
    anywhere (the admin, a revert from the history, loaddata, the shell), many-to-many
    edits, and bulk updates through LibraryQuerySet."""
    for model in library_models:
        uid = f"library-cache-{model._meta.label}"
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _content_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field}"
            )


class LibraryQuerySet(models.QuerySet):
    """Bulk writes send no signals: they refresh the cache themselves."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        _content_changed()
        return rows

    def bulk_create(self, *args, **kwargs):
        created = super().bulk_create(*args, **kwargs)
        _content_changed()
        return created

    def bulk_update(self, *args, **kwargs):
        rows = super().bulk_update(*args, **kwargs)
        _content_changed()
        return rows


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


class Listed(NamedTuple):
    """A movement on a page of the library: all the page needs besides its rendered card."""

    pk: int
    name: str
    slug: str


@dataclass
class LibraryPage:
    """One page of movements, plain enough to pickle into the cache (and cheap to unpickle:
    no model instances)."""

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
            exercises=[Listed(e.pk, e.name, e.slug) for e in exercises],
            count=page.paginator.count,
            number=page.number,
            num_pages=page.paginator.num_pages,
            cards_html=cards,
        )
