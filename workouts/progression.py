"""The progression rule: when a movement has gone well enough to make it a little harder,
and when pain says to make it easier."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from accounts import weights
from exercises.models import Exercise, Kind
from workouts.models import PainNote, SessionExercise, SetLog

PAIN_LIMIT = 3
SHARP_KINDS = (PainNote.Kind.SHARP, PainNote.Kind.SHOOTING)


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


def _working(entry):
    """The entry's sets bar warm-ups, which count toward neither the plan nor the top weight."""
    return [s for s in entry.sets.all() if not s.is_warmup]


def _hit_planned_reps(entry):
    if entry.status in (SessionExercise.Status.SKIPPED, SessionExercise.Status.STOPPED):
        return False
    if not entry.planned_reps:
        return False
    minimum_weight = entry.planned_weight or 0
    good = [
        s
        for s in _working(entry)
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
    top = max((s.weight for s in _working(latest) if s.weight), default=None)
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
