"""Which pages a person needs with no signal: Today, the session in progress with its pain
forms, and the how-to pages of its movements (or of the routines planned for today)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from exercises.models import Exercise
from routines.scheduling import occurrences

ONE_DAY = datetime.timedelta(days=1)


def user_tag(user):
    """An opaque name for the person, so the phone can tell whose cached pages and queued
    items it holds without learning who they are."""
    return salted_hmac("midback.offline.user", str(user.pk), algorithm="sha256").hexdigest()[:20]


def offline_pages(user):
    pages = [reverse("home"), reverse("routines:today"), reverse("workouts:current")]
    session = user.workout_sessions.in_progress().order_by("-started_at").first()
    if session is not None:
        pages.append(session.get_absolute_url())
        entries = session.entries.order_by("position", "pk")
        for pk in entries.values_list("pk", flat=True):
            # The pain form and the how-to sheet of each movement.
            pages += [
                reverse("workouts:entry_pain", args=[pk]),
                reverse("workouts:how_to", args=[pk]),
            ]
        exercises = Exercise.objects.published().filter(session_entries__session=session)
    else:
        day = timezone.localdate()  # the person's zone, activated by ProfileMiddleware
        routines = [o.routine for o in occurrences(user, day, day + ONE_DAY) if o.is_due]
        exercises = Exercise.objects.published().filter(routine_items__routine__in=routines)
    slugs = exercises.order_by("slug").values_list("slug", flat=True).distinct()
    pages += [reverse("exercises:detail", kwargs={"slug": slug}) for slug in slugs]
    return pages
