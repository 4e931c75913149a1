"""Where the next set starts: the one rule for the values a set row is prefilled with."""

from accounts import weights
from workouts.models import SetLog


def next_set_values(*, plan, logged, previous, target=None):
    """Start values for the next set, in kg: what the person did last (earlier in this
    session, else the first set last time), the plan for anything that set lacks. A target the
    person chose to follow (a progression suggestion) sets the weight until they have done it.

    `plan` maps reps, weight and hold_seconds to the planned values; `logged` and `previous`
    are this session's sets and last time's, oldest first, warm-ups left out.
    """
    done = logged[-1] if logged else (previous[0] if previous else None)
    values = {
        name: planned if done is None or getattr(done, name) is None else getattr(done, name)
        for name, planned in plan.items()
    }
    if target is not None and target.weight is not None and not logged:
        values["weight"] = target.weight
    return values


def next_side(logged):
    """Per-side movements alternate, starting on the left."""
    last_side = logged[-1].side if logged else ""
    return SetLog.Side.RIGHT if last_side == SetLog.Side.LEFT else SetLog.Side.LEFT


def known_weights(entry, recent=50):
    """The plan's weight, then the weights this person logged lately for this movement, newest
    first: what a typed weight is matched against (so 50 lb stays exactly 50 lb), in kg.

    Lazy: the logged ones are read only when a typed weight is not the plan's (a hold or a set
    without weight never reads them)."""
    yield entry.planned_weight
    yield from (
        SetLog.objects.filter(
            entry__session__user_id=entry.session.user_id,
            entry__exercise_id=entry.exercise_id,
            weight__isnull=False,
        )
        .order_by("-logged_at", "-pk")
        .values_list("weight", flat=True)[:recent]
    )


def as_text(values, unit):
    """The same values written as a form shows them: weight in the person's unit, "40" not
    "40.00"."""
    return values | {"weight": weights.weight_text(values["weight"], unit)}
