"""A person's plan as Today and the week page read it, cached until the plan changes.

The occurrences of a window are worked out from the person's plans, their per-date changes,
their routines (name, purpose, strength items) and their flare-ups. Each of those models bumps
the person's plan version when a row is saved or deleted, through the receivers below: plans
change from many places (the plan and routine views, the builder, the admin, flare-up mode,
deletes cascading from a routine or an account), and a receiver is the one place none of them
can miss. A movement's kind (a strength item) is the library's, whose version is in the key.
Today's check-in is kept under its day and dropped whenever that day's check-in is saved.

The parts of Today and the week that show the plan are kept as rendered HTML under a digest of
everything they show (`rendered_once`), so they follow the plan by themselves.

Like every cache here, this is shared by all workers only with REDIS_URL (production); each
process's own memory, the default, is meant for one process (settings.py).
"""

import functools
import hashlib
from dataclasses import dataclass, replace
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import lazy
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from care.flare import running_flare_up
from care.models import FlareUp
from exercises.caching import library_version
from midback import versions
from routines.models import OccurrenceChange, Routine, RoutineItem, ScheduledSession
from routines.scheduling import done_plans, occurrences
from workouts.caching import cached_for, log_changed
from workouts.models import CheckIn

TIMEOUT = 24 * 60 * 60


def _version_key(user_id):
    return f"routines:plan-version:{user_id}"


def plan_version(user_id):
    return versions.read(_version_key(user_id), TIMEOUT)


def plan_changed(user_id):
    """Now, and again once committed: a page built in between read the old rows."""
    if user_id is None:  # a starter routine: on nobody's plan
        return
    versions.changed(_version_key(user_id), TIMEOUT)


@dataclass(frozen=True)
class PlannedRoutine:
    pk: int
    name: str
    purpose: str


@dataclass(frozen=True)
class Plan:
    """What an occurrence reads of its plan, without the model rows behind it."""

    pk: int
    routine: PlannedRoutine
    has_strength_items: bool


def plain(found):
    """Occurrences with their plans as plain values, cheap to keep and to read back."""
    plans = {}
    for o in found:
        if o.schedule.pk not in plans:
            routine = o.schedule.routine
            plans[o.schedule.pk] = Plan(
                o.schedule.pk,
                PlannedRoutine(routine.pk, routine.name, routine.purpose),
                bool(getattr(o.schedule, "has_strength_items", False)),
            )
    return [replace(o, schedule=plans[o.schedule.pk]) for o in found]


def cached_occurrences(user, start, end, include_skipped=False):
    """scheduling.occurrences(), once per version of the person's plan (and of the library)."""
    key = (
        f"routines:occurrences:{user.pk}:{plan_version(user.pk)}:{library_version()}:"
        f"{start.isoformat()}:{end.isoformat()}:{int(include_skipped)}"
    )
    found = cache.get(key)
    if found is None:
        found = plain(occurrences(user, start, end, include_skipped=include_skipped))
        cache.set(key, found, TIMEOUT)
    return found


def cached_has_plans(user):
    """Whether the person has any plan at all (Today's empty state)."""
    key = f"routines:has-plans:{user.pk}:{plan_version(user.pk)}"
    found = cache.get(key)
    if found is None:
        found = user.scheduled_sessions.exists()
        cache.set(key, found, TIMEOUT)
    return found


def cached_running_flare_up(user, day):
    """The flare-up running on `day`, or None; flare-ups bump the plan version too."""
    key = f"routines:flare-up:{user.pk}:{plan_version(user.pk)}:{day.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = (running_flare_up(user, day),)
        cache.set(key, found, TIMEOUT)
    return found[0]


def cached_done_plans(user, day):
    """scheduling.done_plans(), once per version of the person's log (a finished session)."""
    return cached_for(user.pk, "done-plans", (day.isoformat(),), lambda: done_plans(user, day))


@functools.cache
def _csrf_slot():
    """Where the week's forms take the request's CSRF token: unguessable, so no routine name
    can contain it, and the same in every process sharing the cache."""
    return salted_hmac("routines.caching.csrf-slot", "week-days", algorithm="sha256").hexdigest()


def rendered_once(request, template_name, context):
    """A part of a page rendered once per content and language, for every request after.

    The key is a digest of the template's whole context (plain values: occurrences with their
    plan and routine, the week with its warnings, dates) and the language, so it needs no
    invalidation of its own; only the forms' CSRF token is the request's, put in after. The
    part is built when the page outputs it, so the page stays the first template rendered.
    """

    def build():
        parts = repr((template_name, sorted(context.items()), get_language()))
        digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
        key = f"routines:html:{request.user.pk}:{digest}"
        html = cache.get(key)
        if html is None:
            html = render_to_string(template_name, context | {"csrf_token": _csrf_slot()})
            cache.set(key, html, TIMEOUT)
        return mark_safe(html.replace(_csrf_slot(), get_token(request)))  # noqa: S308 (ours)

    return lazy(build, SafeString)()


def week_days_html(request, week, today):
    """The week page's seven days (Today's sections go through rendered_once too)."""
    return rendered_once(request, "routines/week.html#week-days", {"week": week, "today": today})


def _check_in_key(user_id, day):
    return f"routines:check-in:{user_id}:{day.isoformat()}"


def cached_check_in(user, day):
    """The person's check-in of `day`, or None; kept until a check-in of that day changes."""
    key = _check_in_key(user.pk, day)
    found = cache.get(key)
    if found is None:
        found = (user.check_ins.filter(day=day).first(),)
        cache.set(key, found, TIMEOUT)
    return found[0]


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def _new_person(sender, instance, created, **kwargs):
    # Every per-person key holds the person's id. A database restored from a backup hands ids
    # out again while the cache still holds what their earlier holders saw: a new account starts
    # past every version of its id and with no check-in kept for today.
    if created:
        plan_changed(instance.pk)
        log_changed(instance.pk)
        today = timezone.now().date()  # whatever the person's zone: the days around it
        cache.delete_many(
            [_check_in_key(instance.pk, today + timedelta(days=d)) for d in (-1, 0, 1)]
        )


@receiver([post_save, post_delete], sender=CheckIn)
def _check_in_changed(sender, instance, **kwargs):
    key = _check_in_key(instance.user_id, instance.day)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


@receiver([post_save, post_delete], sender=ScheduledSession)
@receiver([post_save, post_delete], sender=Routine)
@receiver([post_save, post_delete], sender=FlareUp)
def _owner_changed(sender, instance, **kwargs):
    plan_changed(instance.user_id)


@receiver([post_save, post_delete], sender=OccurrenceChange)
def _change_changed(sender, instance, **kwargs):
    # A change deleted with its plan: the plan's own delete bumps the version.
    owner = ScheduledSession.objects.filter(pk=instance.schedule_id).values_list("user_id")
    for (user_id,) in owner:
        plan_changed(user_id)


@receiver([post_save, post_delete], sender=RoutineItem)
def _item_changed(sender, instance, **kwargs):
    owner = Routine.objects.filter(pk=instance.routine_id).values_list("user_id")
    for (user_id,) in owner:
        plan_changed(user_id)
