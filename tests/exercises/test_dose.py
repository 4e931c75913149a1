"""One dose rule: a movement added to a routine and one added mid-session start alike, and
every dose reads the same way."""

import pytest

from exercises import dose
from routines.forms import PrescriptionForm
from routines.models import RoutineItem
from tests.factories import ExerciseFactory, RoutineFactory, WorkoutSessionFactory


@pytest.fixture
def ranged(db):
    return ExerciseFactory(sets=2, reps_min=8, reps_max=12, hold_seconds=None, per_side=True)


def test_a_routine_and_a_session_start_a_range_at_its_low_end(ranged, user):
    item = RoutineItem.from_exercise(ranged, routine=RoutineFactory(user=user))
    entry = WorkoutSessionFactory(user=user).add_exercise(ranged)

    assert (item.sets, item.reps, item.per_side) == (2, 8, True)
    assert (entry.planned_sets, entry.planned_reps, entry.per_side) == (2, 8, True)
    assert item.prescription() == entry.prescription() == "2 × 8 reps each side"
    assert ranged.prescription() == "2 × 8–12 reps each side"


@pytest.mark.parametrize(
    ("args", "kwargs", "text"),
    [
        ((3, 10, None), {}, "3 × 10 reps"),
        ((3, 10, 5), {}, "3 × 10 reps, hold 5 s"),
        ((2, None, 30, True), {}, "2 × hold 30 s each side"),
        ((3, 8, None), {"reps_up_to": 12}, "3 × 8–12 reps"),
        ((3, 8, 0), {"reps_up_to": 8}, "3 × 8 reps"),
        ((1, None, None), {}, "1 × sets"),
    ],
)
def test_every_dose_is_worded_one_way(args, kwargs, text):
    assert dose.describe(*args, **kwargs) == text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sets", "11", "Sets must be between 1 and 10."),
        ("sets", "0", "Sets must be between 1 and 10."),
        ("reps", "0", "Reps must be between 1 and 100."),
        ("reps", "101", "Reps must be between 1 and 100."),
        ("hold_seconds", "601", "A hold must be between 1 and 600 seconds (10 minutes at most)."),
        ("rest_seconds", "601", "Rest must be between 0 and 600 seconds (10 minutes at most)."),
    ],
)
def test_the_routine_form_keeps_the_models_limits_with_one_message(db, field, value, message):
    data = {"sets": "3", "reps": "10", "hold_seconds": "", "rest_seconds": "60", "weight": ""}
    form = PrescriptionForm(data={**data, field: value})

    assert not form.is_valid()
    assert form.errors[field] == [message]
    assert "__all__" not in form.errors


def test_the_limits_are_the_models_own():
    hold = RoutineItem._meta.get_field("hold_seconds")
    assert [v.limit_value for v in hold.validators] == [1, dose.MAX_HOLD_SECONDS]
