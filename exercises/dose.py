"""A dose (sets, reps, a hold, rest) and its limits, for a movement, a routine's item and a
session's movement alike.

The library's movement carries the default dose (`Exercise`); a routine item and a session
movement start from it (`starting_dose`) and are described the same way (`describe`). The
limits are checked by the models' validators and by database constraints; forms keep those
validators and only word the message.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_SETS = 10
MAX_REPS = 100
MAX_HOLD_SECONDS = 600  # ten minutes
MAX_REST_SECONDS = 600

# What a database constraint says when a value is out of range.
SETS_RANGE = format_lazy(gettext_lazy("Sets must be from 1 to {high}."), high=MAX_SETS)
REPS_RANGE = format_lazy(gettext_lazy("Reps must be from 1 to {high}."), high=MAX_REPS)
REPS_AT_MOST = format_lazy(gettext_lazy("Reps can be at most {high}."), high=MAX_REPS)
HOLD_RANGE = format_lazy(
    gettext_lazy("A hold must be from 1 to {high} seconds."), high=MAX_HOLD_SECONDS
)
HOLD_AT_MOST = format_lazy(
    gettext_lazy("A hold can be at most {high} seconds."), high=MAX_HOLD_SECONDS
)
REST_AT_MOST = format_lazy(
    gettext_lazy("Rest can be at most {high} seconds."), high=MAX_REST_SECONDS
)


def sets_validators():
    return [MinValueValidator(1), MaxValueValidator(MAX_SETS)]


def _up_to(highest, lowest):
    """Validators for lowest..highest; lowest None leaves only the upper limit."""
    upper = [MaxValueValidator(highest)]
    return upper if lowest is None else [MinValueValidator(lowest), *upper]


def reps_validators(lowest=1):
    return _up_to(MAX_REPS, lowest)


def hold_validators(lowest=1):
    return _up_to(MAX_HOLD_SECONDS, lowest)


def rest_validators():
    return [MaxValueValidator(MAX_REST_SECONDS)]


# A session movement keeps the plan it started with under these names.
PLANNED_NAMES = {
    "sets": "planned_sets",
    "reps": "planned_reps",
    "hold_seconds": "planned_hold_seconds",
    "weight": "planned_weight",
}


def as_planned(values):
    """A dose under a session movement's field names (planned_sets, ...)."""
    return {PLANNED_NAMES.get(name, name): value for name, value in values.items()}


def starting_dose(exercise):
    """What a routine item or a session movement starts with when this movement is added.

    A reps range starts at its low end: build up from there.
    """
    return {
        "sets": exercise.sets,
        "reps": min(exercise.reps_min, MAX_REPS) if exercise.reps_min else None,
        "hold_seconds": exercise.hold_seconds,
        "per_side": exercise.per_side,
        "rest_seconds": exercise.rest_seconds,
    }


def describe(sets, reps=None, hold_seconds=None, per_side=False, *, reps_up_to=None):
    """The dose in words: "3 × 8–12 reps", "3 × 10 reps, hold 5 s", "2 × hold 30 s each side"
    (weight apart)."""
    if reps and reps_up_to and reps_up_to != reps:
        counted = _("%(low)s–%(high)s reps") % {"low": reps, "high": reps_up_to}
    elif reps:
        counted = _("%(reps)s reps") % {"reps": reps}
    else:
        counted = None
    if counted and hold_seconds:
        dose = _("%(dose)s, hold %(seconds)s s") % {"dose": counted, "seconds": hold_seconds}
    elif counted:
        dose = counted
    elif hold_seconds:
        dose = _("hold %(seconds)s s") % {"seconds": hold_seconds}
    else:
        dose = _("sets")
    text = f"{sets} × {dose}"
    if per_side:
        text = _("%(text)s each side") % {"text": text}
    return text
