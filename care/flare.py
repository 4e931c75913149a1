"""Flare-up mode: what pauses, what is offered instead, and when the app suggests it.

The guidance follows the team's content facts on flare-ups: keep moving gently,
ease off loaded work for a few days, stop what sharpens the pain, and see a professional when
it does not settle or a red flag appears. The app never says what caused a flare-up.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from care.models import FlareUp
from routines.models import Purpose, Routine
from workouts.caching import cached_for
from workouts.models import EntryStatus, SessionExercise, WorkoutSession

# A flare-up session is the mobility routine made smaller: one easy set, short holds, few reps.
GENTLE_SETS = 1
GENTLE_HOLD_SECONDS = 15
GENTLE_REPS = 5
# Two movements stopped for pain within a week suggest a flare-up.
STOPS_FOR_A_SUGGESTION = 2
SUGGESTION_WINDOW = datetime.timedelta(days=7)

GUIDANCE = [
    _(
        "Keep moving gently: short walks and the easy mobility moves below, within a range "
        "that does not hurt, a few times a day. Bed rest tends to make backs stiffer."
    ),
    _(
        "Your strength sessions are paused for these days. When the flare-up ends, start "
        "lighter than before and build back up over a week or two."
    ),
    _("Stop any movement that makes the pain sharper, and leave it out for now."),
    _("Heat, and a change of sleeping position, can ease it for some people."),
]


def running_flare_up(user, today):
    return FlareUp.objects.filter(user=user).on(today).first()


def mobility_routine():
    """The library's gentle routine: the first mobility starter by name."""
    return (
        Routine.objects.starters().filter(purpose=Purpose.MOBILITY).order_by("name", "pk").first()
    )


@dataclass(frozen=True)
class GentleMovement:
    name: str
    slug: str
    dose: str


def gentle_dose(item):
    """An item's prescription cut down for a flare-up, in words."""
    reps = min(item.reps, GENTLE_REPS) if item.reps else None
    hold = min(item.hold_seconds, GENTLE_HOLD_SECONDS) if item.hold_seconds else None
    values = {"sets": GENTLE_SETS, "reps": reps, "seconds": hold}
    if reps and hold:
        text = _("%(sets)s × %(reps)s reps, hold %(seconds)s s") % values
    elif hold:
        text = _("%(sets)s × hold %(seconds)s s") % values
    elif reps:
        text = _("%(sets)s × %(reps)s reps") % values
    else:
        text = _("%(sets)s easy set") % values
    if item.per_side:
        text = _("%(text)s each side") % {"text": text}
    return text


def gentle_movements(routine):
    if routine is None:
        return []
    items = routine.items.select_related("exercise").order_by("position", "pk")
    return [GentleMovement(i.exercise.name, i.exercise.slug, gentle_dose(i)) for i in items]


def start_gentle_session(user, routine):
    """Open a session of the mobility routine with the flare-up doses; (session, created)."""
    session, created = WorkoutSession.start(user, routine=routine)
    if created:
        entries = list(session.entries.all())
        for entry in entries:
            entry.planned_sets = GENTLE_SETS
            if entry.planned_reps:
                entry.planned_reps = min(entry.planned_reps, GENTLE_REPS)
            if entry.planned_hold_seconds:
                entry.planned_hold_seconds = min(entry.planned_hold_seconds, GENTLE_HOLD_SECONDS)
            entry.planned_weight = None
        SessionExercise.objects.bulk_update(
            entries, ["planned_sets", "planned_reps", "planned_hold_seconds", "planned_weight"]
        )
    return session, created


@dataclass(frozen=True)
class Suggestion:
    reason: str
    message: str


def flare_up_suggestion(user, now=None):
    """Why flare-up mode might help now, or None. Never switches it on by itself.

    Two signs, each over the person's own finished sessions:
    - pain after sessions rising: the average "pain after" of the last 7 days is higher than
      that of the 7 days before (both weeks need at least one rating);
    - two or more movements stopped for pain in the last 7 days.
    """
    now = now or timezone.now()
    week_ago = now - SUGGESTION_WINDOW
    two_weeks_ago = week_ago - SUGGESTION_WINDOW
    ratings, stopped = recent_signs(user, now)
    recent = [pain for started, pain in ratings if week_ago < started <= now]
    earlier = [pain for started, pain in ratings if two_weeks_ago < started <= week_ago]
    # Averages compared without division: recent/len(recent) > earlier/len(earlier).
    if recent and earlier and sum(recent) * len(earlier) > sum(earlier) * len(recent):
        return Suggestion(
            "rising",
            _("Your pain after sessions has gone up over the last two weeks."),
        )
    stops = sum(1 for started in stopped if week_ago < started <= now)
    if stops >= STOPS_FOR_A_SUGGESTION:
        return Suggestion(
            "stops",
            _("You stopped %(count)s movements for pain in the last week.") % {"count": stops},
        )
    return None


def recent_signs(user, now):
    """The rows both signs read, for any moment of now's hour: ("pain after" ratings of
    finished sessions with their start, starts of sessions with a movement stopped for pain).

    They are kept per version of the person's log (workouts/caching.py), so Today reads them
    without a query until a session changes; the windows are cut from them exactly.
    """
    hour = now.replace(minute=0, second=0, microsecond=0)
    since = hour - 2 * SUGGESTION_WINDOW

    def build():
        ratings = list(
            user.workout_sessions.finished()
            .filter(started_at__gt=since, pain_after__isnull=False)
            .values_list("started_at", "pain_after")
        )
        stopped = list(
            SessionExercise.objects.filter(
                session__user=user,
                status=EntryStatus.STOPPED,
                session__started_at__gt=since + SUGGESTION_WINDOW,
            ).values_list("session__started_at", flat=True)
        )
        return ratings, stopped

    return cached_for(user.pk, "flare-signs", (hour.isoformat(),), build)
