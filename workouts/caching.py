"""What the history and progress pages derive from a person's log, cached until it changes.

History's pages of sessions and progress's suggestions, charts and movements read up to every
session a person ever finished, their pain notes, check-ins and flare-ups; they change only
when one of those does. Every such change calls `log_changed()`: `WorkoutSession.held()` and
`finish()` (sets, notes, summaries), `PainNote.record()`, `CheckIn.rate()` and `mark()`,
`FlareUp.switch_on()` and `switch_off()`, a routine renamed or deleted, and staff edits in the
admin. A new version makes the old entries unreachable (they expire on their own). The
library's own version is part of the key too: a renamed movement shows at once.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from exercises.caching import library_version

TIMEOUT = 24 * 60 * 60


def _version_key(user_id):
    return f"workouts:log-version:{user_id}"


def log_version(user_id):
    return cache.get_or_set(_version_key(user_id), time.time_ns, timeout=TIMEOUT)


def log_changed(user_id):
    """Now, and again once committed: a page built in between read the old rows."""

    def bump():
        try:
            cache.incr(_version_key(user_id))
        except ValueError:  # no version yet: any fresh number will do
            cache.set(_version_key(user_id), time.time_ns(), TIMEOUT)

    bump()
    transaction.on_commit(bump)


def cached_for(user_id, name, parts, build):
    """build() once per version of the person's log (and of the library) for these parts."""
    digest = hashlib.sha256(repr((parts, get_language())).encode()).hexdigest()[:24]
    key = f"workouts:{name}:{user_id}:{log_version(user_id)}:{library_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
