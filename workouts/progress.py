"""Progress over time: weekly aggregates, best sets and trends (the progression rule is in
`workouts/progression.py`).

Weeks run Monday to Sunday in the user's own time zone; the grouping happens in the
database (TruncWeek with the zone), the gaps between weeks are filled here.
"""

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, DateField, DecimalField, F, Max, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from accounts import weights
from exercises.models import Exercise
from workouts.caching import cached_for
from workouts.models import SessionExercise, SetLog, WorkoutSession
from workouts.progression import suggest_progressions

TREND_WEEKS = 4
WORKING = Q(sets__is_warmup=False)  # an entry's sets that count toward bests and volume

# reps x kg, to the stored precision of a weight.
VOLUME = DecimalField(max_digits=16, decimal_places=weights.STORED_PLACES)


def volume_expression(prefix=""):
    """reps x weight of a set, as a database expression."""
    return F(f"{prefix}reps") * F(f"{prefix}weight")


# Weeks ---------------------------------------------------------------------------------


def monday_of(day):
    return day - timedelta(days=day.weekday())


def local_midnight(day, zone=None):
    """The start of this day in the given zone, or in the active one (the person's)."""
    return datetime.combine(day, time.min, tzinfo=zone or timezone.get_current_timezone())


@dataclass
class Period:
    """Whole weeks in the user's zone: [first_monday, first_monday + weeks)."""

    first_monday: date
    weeks: int
    zone: object

    @classmethod
    def ending_this_week(cls, weeks, today=None):
        today = today or timezone.localdate()
        return cls(
            monday_of(today) - timedelta(weeks=weeks - 1), weeks, timezone.get_current_timezone()
        )

    @classmethod
    def covering(cls, start, end):
        first = monday_of(start)
        weeks = (monday_of(end) - first).days // 7 + 1
        return cls(first, weeks, timezone.get_current_timezone())

    @property
    def mondays(self):
        return [self.first_monday + timedelta(weeks=n) for n in range(self.weeks)]

    @property
    def start(self):
        return local_midnight(self.first_monday, self.zone)

    @property
    def end(self):
        return local_midnight(self.first_monday + timedelta(weeks=self.weeks), self.zone)


@functools.lru_cache(maxsize=4096)
def _day_label(day, format, language):
    return date_format(day, format)


def day_label(day, format):
    """date_format() of a date or a naive time in the person's zone (an aware one would share
    its entry with the same instant in another zone), remembered per language: a progress
    page labels the same Mondays 50-100 times (chart ticks, tooltips, tables) and each pain
    rating twice, at 0.1 ms each."""
    return _day_label(day, format, get_language())


@dataclass
class WeekStat:
    week: date
    sessions: int = 0
    reps: int = 0
    volume: Decimal = Decimal(0)
    hold_seconds: int = 0
    target: int = 0

    @property
    def met_target(self):
        return self.sessions >= self.target > 0

    @property
    def label(self):
        return day_label(self.week, "j M Y")

    @property
    def hold_minutes(self):
        return round(self.hold_seconds / 60, 1)


def finished_sessions(user):
    return WorkoutSession.objects.filter(user=user, finished_at__isnull=False)


def weekly_stats(user, period, target=0, *, start=None, end=None):
    """Sessions, reps, volume and hold time per week of the period (two queries); warm-up
    sets count toward none of them.

    `start`/`end` narrow the sessions counted (a report's exact dates) inside the weeks.
    """
    start = start or period.start
    end = end or period.end
    week = TruncWeek("started_at", tzinfo=period.zone, output_field=DateField())
    stats = {monday: WeekStat(monday, target=target) for monday in period.mondays}
    # The period's sessions first, then their sets by session id: joining the sets to the
    # sessions by user and date made PostgreSQL scan every session of every person.
    weeks = dict(
        finished_sessions(user)
        .filter(started_at__gte=start, started_at__lt=end)
        .annotate(week=week)
        .values_list("pk", "week")
    )
    for monday in weeks.values():
        if monday in stats:
            stats[monday].sessions += 1
    if not weeks:
        return list(stats.values())
    sets = (
        SetLog.objects.working()
        .filter(entry__session__in=list(weeks))
        .values("entry__session")
        .annotate(
            total_reps=Sum("reps"),
            total_volume=Sum(volume_expression(), output_field=VOLUME),
            total_hold=Sum("hold_seconds"),
        )
        .order_by()
    )
    for row in sets:
        stat = stats.get(weeks[row["entry__session"]])
        if stat:
            stat.reps += row["total_reps"] or 0
            stat.volume += Decimal(row["total_volume"] or 0)
            stat.hold_seconds += row["total_hold"] or 0
    return list(stats.values())


DAY_NOTE, CHECK_IN = "note", "check-in"


@dataclass
class PainPoint:
    at: datetime  # when the session started, as a naive time in the person's zone
    before: int | None
    after: int | None
    # A rating outside any session instead: a daily check-in or a note of the day.
    on_day: int | None = None
    source: str = ""

    @property
    def is_session(self):
        return self.on_day is None

    @property
    def day(self):
        return self.at.date()

    @property
    def label(self):
        return day_label(self.at, "j M Y, H:i")


def pain_series(user, start, end):
    """Pain ratings in [start, end), oldest first: before and after each finished session, and
    the day's own ratings (check-ins and notes outside a session), at the times of the active
    zone. Three queries."""
    zone = timezone.get_current_timezone()
    rows = (
        finished_sessions(user)
        .filter(started_at__gte=start, started_at__lt=end)
        .filter(Q(pain_before__isnull=False) | Q(pain_after__isnull=False))
        .order_by("started_at", "pk")
        .values_list("started_at", "pain_before", "pain_after")
    )
    points = [
        PainPoint(started.astimezone(zone).replace(tzinfo=None), b, a) for started, b, a in rows
    ]
    notes = user.pain_notes.filter(
        session__isnull=True, noted_at__gte=start, noted_at__lt=end
    ).values_list("noted_at", "intensity")
    points += [
        PainPoint(at.astimezone(zone).replace(tzinfo=None), None, None, n, DAY_NOTE)
        for at, n in notes
    ]
    first_day = start.astimezone(zone).date()
    last_day = (end - timedelta(microseconds=1)).astimezone(zone).date()
    check_ins = user.check_ins.filter(day__range=(first_day, last_day)).values_list(
        "day", "updated_at", "rating"
    )
    for day, saved, rating in check_ins:
        saved = saved.astimezone(zone).replace(tzinfo=None)
        at = saved if saved.date() == day else datetime.combine(day, time(12))
        points.append(PainPoint(at, None, None, rating, CHECK_IN))
    return sorted(points, key=lambda p: p.at)


def average(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 1) if values else None


# One movement --------------------------------------------------------------------------


def measures_hold(exercise):
    """Held stretches are measured in seconds, everything else in reps and load."""
    return exercise.reps_min is None and exercise.hold_seconds is not None


def movement_sets(user, exercise):
    """The movement's working sets in finished sessions: warm-ups count toward no best,
    volume or trend."""
    return SetLog.objects.working().filter(
        entry__session__user=user,
        entry__session__finished_at__isnull=False,
        entry__exercise=exercise,
    )


def best_set(user, exercise):
    """Heaviest weight (then most reps) or, for held stretches, the longest hold."""
    sets = movement_sets(user, exercise).select_related("entry__session")
    if measures_hold(exercise):
        order = [F("hold_seconds").desc(nulls_last=True)]
    else:
        order = [F("weight").desc(nulls_last=True), F("reps").desc(nulls_last=True)]
    return sets.order_by(*order, "logged_at", "pk").first()


def best_per_session(user, exercise, limit=20):
    """The movement's entries in the last `limit` finished sessions with working sets, oldest
    first, each annotated with its heaviest weight, most reps and longest hold."""
    entries = (
        SessionExercise.objects.filter(
            session__user=user, session__finished_at__isnull=False, exercise=exercise
        )
        .select_related("session")
        .annotate(
            best_weight=Max("sets__weight", filter=WORKING),
            best_reps=Max("sets__reps", filter=WORKING),
            best_hold=Max("sets__hold_seconds", filter=WORKING),
        )
        .filter(Q(best_reps__isnull=False) | Q(best_hold__isnull=False))
        .order_by("-session__started_at", "-pk")[:limit]
    )
    return list(reversed(entries))


@dataclass
class Trend:
    measure: str  # "hold", "load" or "reps"
    recent_best: Decimal | int | None
    previous_best: Decimal | int | None
    recent_volume: Decimal | int
    previous_volume: Decimal | int
    weeks: int = TREND_WEEKS

    @property
    def direction(self):
        if not self.recent_volume or not self.previous_volume:
            return "unknown"
        ratio = Decimal(self.recent_volume) / Decimal(self.previous_volume)
        if ratio > Decimal("1.05"):
            return "up"
        if ratio < Decimal("0.95"):
            return "down"
        return "steady"


def movement_trend(user, exercise, today=None):
    """The last four weeks against the four before, in one query."""
    today = today or timezone.localdate()
    tomorrow = local_midnight(today + timedelta(days=1))
    middle = tomorrow - timedelta(weeks=TREND_WEEKS)
    start = middle - timedelta(weeks=TREND_WEEKS)
    when = "entry__session__started_at"
    recent = Q(**{f"{when}__gte": middle, f"{when}__lt": tomorrow})
    previous = Q(**{f"{when}__gte": start, f"{when}__lt": middle})
    totals = movement_sets(user, exercise).aggregate(
        recent_weight=Max("weight", filter=recent),
        previous_weight=Max("weight", filter=previous),
        recent_reps_best=Max("reps", filter=recent),
        previous_reps_best=Max("reps", filter=previous),
        recent_hold_best=Max("hold_seconds", filter=recent),
        previous_hold_best=Max("hold_seconds", filter=previous),
        recent_volume=Sum(volume_expression(), filter=recent, output_field=VOLUME),
        previous_volume=Sum(volume_expression(), filter=previous, output_field=VOLUME),
        recent_reps=Sum("reps", filter=recent),
        previous_reps=Sum("reps", filter=previous),
        recent_hold=Sum("hold_seconds", filter=recent),
        previous_hold=Sum("hold_seconds", filter=previous),
    )
    if measures_hold(exercise):
        return Trend(
            "hold",
            totals["recent_hold_best"],
            totals["previous_hold_best"],
            totals["recent_hold"] or 0,
            totals["previous_hold"] or 0,
        )
    if totals["recent_weight"] or totals["previous_weight"]:
        return Trend(
            "load",
            totals["recent_weight"],
            totals["previous_weight"],
            totals["recent_volume"] or 0,
            totals["previous_volume"] or 0,
        )
    return Trend(
        "reps",
        totals["recent_reps_best"],
        totals["previous_reps_best"],
        totals["recent_reps"] or 0,
        totals["previous_reps"] or 0,
    )


def movements_logged(user):
    """Movements with at least one set in a finished session, with set counts, by name.

    Plain rows (name, slug, set_count), cheap to cache; the count reads every set the person
    ever logged, so the progress page caches it (`progress_summary`).
    """
    return list(
        Exercise.objects.filter(
            session_entries__session__user=user,
            session_entries__session__finished_at__isnull=False,
            session_entries__sets__isnull=False,
        )
        .values("name", "slug")
        .annotate(set_count=Count("session_entries__sets"))
        .order_by("name")
    )


def progress_summary(user, unit):
    """(suggestions, movements logged) for the progress page: both read the person's whole
    log, so they are built once per change to it (workouts/caching.py)."""
    return cached_for(
        user.pk,
        "progress-summary",
        unit,
        lambda: (suggest_progressions(user, unit), movements_logged(user)),
    )
