"""Progress over time: weekly aggregates, best sets, trends and the progression rule.

Weeks run Monday to Sunday in the user's own time zone; the grouping happens in the
database (TruncWeek with the zone), the gaps between weeks are filled here.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django import forms
from django.db.models import Count, DateField, DecimalField, F, Max, Prefetch, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import weights
from exercises.models import Exercise, Kind
from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession

PAIN_LIMIT = 3
SHARP_KINDS = (PainNote.Kind.SHARP, PainNote.Kind.SHOOTING)
TREND_WEEKS = 4

# reps x kg, to the stored precision of a weight.
VOLUME = DecimalField(max_digits=16, decimal_places=weights.STORED_PLACES)


def volume_expression(prefix=""):
    """reps x weight of a set, as a database expression."""
    return F(f"{prefix}reps") * F(f"{prefix}weight")


class PeriodForm(forms.Form):
    WEEKS = [(4, _("4 weeks")), (12, _("12 weeks")), (26, _("6 months")), (52, _("1 year"))]

    weeks = forms.TypedChoiceField(
        label=_("Show the last"), choices=WEEKS, coerce=int, initial=12, required=False
    )

    def chosen_weeks(self):
        if self.is_valid() and self.cleaned_data.get("weeks"):
            return self.cleaned_data["weeks"]
        return 12


# Weeks ---------------------------------------------------------------------------------


def monday_of(day):
    return day - timedelta(days=day.weekday())


def local_midnight(day, zone):
    return datetime.combine(day, time.min, tzinfo=zone)


@dataclass
class Period:
    """Whole weeks in the user's zone: [first_monday, first_monday + weeks)."""

    first_monday: date
    weeks: int
    zone: object

    @classmethod
    def ending_this_week(cls, weeks, zone, today=None):
        today = today or timezone.localdate(timezone=zone)
        return cls(monday_of(today) - timedelta(weeks=weeks - 1), weeks, zone)

    @classmethod
    def covering(cls, start, end, zone):
        first = monday_of(start)
        return cls(first, (monday_of(end) - first).days // 7 + 1, zone)

    @property
    def mondays(self):
        return [self.first_monday + timedelta(weeks=n) for n in range(self.weeks)]

    @property
    def start(self):
        return local_midnight(self.first_monday, self.zone)

    @property
    def end(self):
        return local_midnight(self.first_monday + timedelta(weeks=self.weeks), self.zone)


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
    def hold_minutes(self):
        return round(self.hold_seconds / 60, 1)


def finished_sessions(user):
    return WorkoutSession.objects.filter(user=user, finished_at__isnull=False)


def weekly_stats(user, period, target=0, *, start=None, end=None):
    """Sessions, reps, volume and hold time per week of the period (two queries).

    `start`/`end` narrow the sessions counted (a report's exact dates) inside the weeks.
    """
    start = start or period.start
    end = end or period.end
    week = TruncWeek("started_at", tzinfo=period.zone, output_field=DateField())
    stats = {monday: WeekStat(monday, target=target) for monday in period.mondays}
    sessions = (
        finished_sessions(user)
        .filter(started_at__gte=start, started_at__lt=end)
        .annotate(week=week)
        .values("week")
        .annotate(n=Count("pk"))
        .order_by("week")
    )
    for row in sessions:
        if row["week"] in stats:
            stats[row["week"]].sessions = row["n"]
    set_week = TruncWeek("entry__session__started_at", tzinfo=period.zone, output_field=DateField())
    sets = (
        SetLog.objects.filter(
            entry__session__user=user,
            entry__session__finished_at__isnull=False,
            entry__session__started_at__gte=start,
            entry__session__started_at__lt=end,
        )
        .annotate(week=set_week)
        .values("week")
        .annotate(
            total_reps=Sum("reps"),
            total_volume=Sum(volume_expression(), output_field=VOLUME),
            total_hold=Sum("hold_seconds"),
        )
        .order_by("week")
    )
    for row in sets:
        stat = stats.get(row["week"])
        if stat:
            stat.reps = row["total_reps"] or 0
            stat.volume = Decimal(row["total_volume"] or 0)
            stat.hold_seconds = row["total_hold"] or 0
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


def pain_series(user, start, end, zone):
    """Pain ratings in [start, end), oldest first: before and after each finished session, and
    the day's own ratings (check-ins and notes outside a session). Three queries."""
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
    return SetLog.objects.filter(
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
    """The movement's entries in the last `limit` finished sessions with sets, oldest first,
    each annotated with its heaviest weight, most reps and longest hold."""
    entries = (
        SessionExercise.objects.filter(
            session__user=user, session__finished_at__isnull=False, exercise=exercise
        )
        .select_related("session")
        .annotate(
            best_weight=Max("sets__weight"),
            best_reps=Max("sets__reps"),
            best_hold=Max("sets__hold_seconds"),
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


def movement_trend(user, exercise, zone, today=None):
    """The last four weeks against the four before, in one query."""
    today = today or timezone.localdate(timezone=zone)
    tomorrow = local_midnight(today + timedelta(days=1), zone)
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
    """Movements with at least one set in a finished session, with set counts."""
    return (
        Exercise.objects.filter(
            session_entries__session__user=user,
            session_entries__session__finished_at__isnull=False,
            session_entries__sets__isnull=False,
        )
        .annotate(set_count=Count("session_entries__sets"))
        .order_by("name")
    )


# Progression ---------------------------------------------------------------------------


@dataclass
class Suggestion:
    exercise: Exercise
    step: str  # "weight", "harder", "reps" or "easier"
    message: str
    weight: Decimal | None = None  # in the person's unit

    @property
    def is_caution(self):
        return self.step == "easier"


def _notes_for(entry):
    """Pain notes on this movement, and notes on its session that name no movement."""
    own = list(entry.pain_notes.all())
    general = [n for n in entry.session.pain_notes.all() if n.entry_id is None]
    return own + general


def _hit_planned_reps(entry):
    if entry.status in (SessionExercise.Status.SKIPPED, SessionExercise.Status.STOPPED):
        return False
    if not entry.planned_reps:
        return False
    minimum_weight = entry.planned_weight or 0
    good = [
        s
        for s in entry.sets.all()
        if s.reps is not None and s.reps >= entry.planned_reps and (s.weight or 0) >= minimum_weight
    ]
    if entry.per_side:
        sides = [SetLog.Side.LEFT, SetLog.Side.RIGHT]
        return all(sum(1 for s in good if s.side == side) >= entry.planned_sets for side in sides)
    return len(good) >= entry.planned_sets


def _low_pain(entry):
    session = entry.session
    if session.pain_after is not None and session.pain_after > PAIN_LIMIT:
        return False
    return all(n.intensity <= PAIN_LIMIT and n.kind not in SHARP_KINDS for n in _notes_for(entry))


def _had_sharp_pain(entry):
    return any(n.kind in SHARP_KINDS for n in entry.pain_notes.all())


def _in_sentence(text):
    """Content text placed inside a sentence of ours: without its own closing punctuation,
    so "...there.. Stop if" never happens, and on one line."""
    return " ".join(text.split()).rstrip(".!?;:, ")


def _suggest(exercise, entries, unit):
    """The rule for one movement, given its entries in finished sessions, newest first."""
    latest = entries[0]
    if _had_sharp_pain(latest):
        if exercise.easier:
            message = _(
                "You noted sharp pain during %(name)s last time. Next time, try the easier "
                "version instead: %(easier)s. Stop if the sharp pain comes back, and see a "
                "professional if it keeps happening."
            ) % {"name": exercise.name, "easier": _in_sentence(exercise.easier)}
        else:
            message = _(
                "You noted sharp pain during %(name)s last time. Next time, go lighter or use "
                "a smaller range. Stop if the sharp pain comes back, and see a professional "
                "if it keeps happening."
            ) % {"name": exercise.name}
        return Suggestion(exercise, "easier", message)
    if exercise.kind != Kind.STRENGTH or len(entries) < 2:
        return None
    if not all(_hit_planned_reps(e) and _low_pain(e) for e in entries[:2]):
        return None
    top = max((s.weight for s in latest.sets.all() if s.weight), default=None)
    base = top or latest.planned_weight
    if base:
        # One step up in the person's own unit: 22.5 kg + 2.5, or 49.6 lb + 5.
        weight = weights.from_kg(base, unit) + weights.STEP.get(unit, weights.STEP[weights.KG])
        message = _(
            "You did all your planned reps of %(name)s in your last two sessions, with little "
            "pain. If the last sets felt steady, try %(weight)s %(unit)s next time."
        ) % {"name": exercise.name, "weight": weights.plain(weight), "unit": unit}
        return Suggestion(exercise, "weight", message, weight)
    if exercise.harder:
        message = _(
            "You did all your planned reps of %(name)s in your last two sessions, with little "
            "pain. If it felt steady, you could try the harder version: %(harder)s."
        ) % {"name": exercise.name, "harder": _in_sentence(exercise.harder)}
        return Suggestion(exercise, "harder", message)
    message = _(
        "You did all your planned reps of %(name)s in your last two sessions, with little "
        "pain. If it felt steady, add a rep or two to each set, keeping good form."
    ) % {"name": exercise.name}
    return Suggestion(exercise, "reps", message)


def suggest_progressions(user, unit="kg", exercise=None, recent=200):
    """Next-step suggestions per movement, from the user's most recent finished sessions.

    Guidance only: more weight (or the harder version) after two clean sessions running,
    the easier version after sharp or shooting pain. A constant four queries.
    """
    entries = (
        SessionExercise.objects.filter(session__user=user, session__finished_at__isnull=False)
        .select_related("exercise", "session")
        .prefetch_related("sets", "pain_notes", "session__pain_notes")
        .order_by("-session__started_at", "-session__pk", "position")
    )
    if exercise is not None:
        entries = entries.filter(exercise=exercise)
    latest_two = {}
    for entry in entries[:recent]:
        found = latest_two.setdefault(entry.exercise_id, [])
        if len(found) < 2 and all(e.session_id != entry.session_id for e in found):
            found.append(entry)
    suggestions = []
    for found in latest_two.values():
        suggestion = _suggest(found[0].exercise, found, unit)
        if suggestion:
            suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (not s.is_caution, s.exercise.name))
    return suggestions


def suggestion_for(user, exercise, unit="kg"):
    found = suggest_progressions(user, unit, exercise=exercise, recent=20)
    return found[0] if found else None


# Lists and charts for the pages --------------------------------------------------------


def session_log(user):
    """Finished sessions with their movements, sets and notes: four extra queries in all."""
    return (
        finished_sessions(user)
        .select_related("routine")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=SessionExercise.objects.select_related("exercise").prefetch_related(
                    "sets", "pain_notes"
                ),
            ),
            Prefetch(
                "pain_notes",
                queryset=PainNote.objects.filter(entry__isnull=True),
                to_attr="general_notes",
            ),
        )
        .order_by("-started_at", "-pk")
    )
