"""Routine and item rules that hold whatever view calls them."""

from decimal import Decimal

import pytest

from routines.models import Routine, RoutineItem
from tests.factories import ExerciseFactory, RoutineFactory, RoutineItemFactory

pytestmark = pytest.mark.django_db


def test_copy_for_keeps_each_items_own_prescription(user):
    starter = RoutineFactory(user=None, is_starter=True, description="Gentle.")
    RoutineItemFactory(
        routine=starter, position=4, sets=2, reps=None, hold_seconds=45, per_side=True
    )
    RoutineItemFactory(routine=starter, position=9, reps=6, weight=Decimal("17.50"))

    copy = starter.copy_for(user)

    assert copy.user == user
    assert copy.description == "Gentle."
    rows = list(
        copy.items.values_list("position", "sets", "reps", "hold_seconds", "per_side", "weight")
    )
    assert rows == [(0, 2, None, 45, True, None), (1, 3, 6, None, False, Decimal("17.50"))]


def test_duplicate_keeps_the_name_within_its_limit(user):
    routine = RoutineFactory(user=user, name="x" * 120)

    copy = routine.duplicate()

    assert len(copy.name) == 120
    assert copy.user == user


def test_from_exercise_takes_the_movements_defaults():
    exercise = ExerciseFactory.build(
        sets=2, reps_min=8, reps_max=10, hold_seconds=3, per_side=True, rest_seconds=45
    )

    item = RoutineItem.from_exercise(exercise)

    assert (item.sets, item.reps, item.hold_seconds, item.per_side, item.rest_seconds) == (
        2,
        8,
        3,
        True,
        45,
    )


@pytest.mark.parametrize(
    ("values", "text"),
    [
        ({"sets": 3, "reps": 10}, "3 × 10 reps"),
        ({"sets": 2, "hold_seconds": 30, "per_side": True}, "2 × hold 30 s each side"),
        ({"sets": 2, "reps": 8, "hold_seconds": 3}, "2 × 8 reps, hold 3 s"),
    ],
)
def test_prescription_reads_as_words(values, text):
    assert RoutineItem(**values).prescription() == text


def test_add_remove_and_move_keep_positions_contiguous(user):
    routine = RoutineFactory(user=user)
    a, b, c = (routine.add_item(ExerciseFactory(name=name)) for name in "ABC")

    routine.move_item(c, -1)
    routine.move_item(c, -1)
    routine.move_item(c, -1)  # already first: nothing changes
    routine.remove_item(a)

    rows = list(routine.items.values_list("exercise__name", "position"))
    assert rows == [("C", 0), ("B", 1)]
    assert Routine.objects.get(pk=routine.pk).items.count() == 2
    assert b.pk in routine.items.values_list("pk", flat=True)
