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

from django.core.cache import cache
from django.utils.translation import get_language

from exercises.caching import library_version
from midback import versions

TIMEOUT = 24 * 60 * 60


def _version_key(user_id):
    return f"workouts:log-version:{user_id}"


def log_version(user_id):
    return versions.read(_version_key(user_id), TIMEOUT)


def _past_key(user_id):
    return f"workouts:past-version:{user_id}"


def past_version(user_id):
    """The version of what a session page reads of the past: finished sessions and applied
    targets. A change to the session in progress leaves it alone (see log_changed)."""
    return versions.read(_past_key(user_id), TIMEOUT)


def log_changed(user_id, *, past=True):
    """Now, and again once committed: a page built in between read the old rows.

    `past=False` is for a change to a session still in progress: no one's "last time" reads
    it (only finished sessions count), so the past's version stays and with it the cached
    last times and targets of every movement (`session_page.last_times`)."""
    versions.changed(_version_key(user_id), TIMEOUT)
    if past:
        versions.changed(_past_key(user_id), TIMEOUT)


def cached_for(user_id, name, parts, build):
    """build() once per version of the person's log (and of the library) for these parts."""
    digest = hashlib.sha256(repr((parts, get_language())).encode()).hexdigest()[:24]
    key = f"workouts:{name}:{user_id}:{log_version(user_id)}:{library_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
