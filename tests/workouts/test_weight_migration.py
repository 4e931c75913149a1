"""The migration that moves stored weights to kg converts the numbers of people who used lb."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

OTHERS = [("accounts", "0002_weekly_target_range"), ("routines", "0005_weights_stored_in_kg")]
BEFORE = [*OTHERS, ("workouts", "0004_weights_stored_in_kg")]
AFTER = [*OTHERS, ("workouts", "0005_convert_pound_weights_to_kg")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_schema():
    """Later migrations change these tables too: leave the database as the other tests expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def person_with(apps, name, unit, weight):
    user = apps.get_model("auth", "User").objects.create(username=name)
    apps.get_model("accounts", "Profile").objects.create(user=user, weight_unit=unit)
    exercise, _ = apps.get_model("exercises", "Exercise").objects.get_or_create(
        slug="migration-row",
        defaults={"name": "Migration row", "kind": "strength", "reps_min": 8, "reps_max": 12},
    )
    routine = apps.get_model("routines", "Routine").objects.create(user=user, name="Rows")
    apps.get_model("routines", "RoutineItem").objects.create(
        routine=routine, exercise=exercise, reps=10, weight=weight
    )
    session = apps.get_model("workouts", "WorkoutSession").objects.create(user=user)
    entry = apps.get_model("workouts", "SessionExercise").objects.create(
        session=session, exercise=exercise, planned_weight=weight
    )
    apps.get_model("workouts", "SetLog").objects.create(entry=entry, reps=10, weight=weight)
    apps.get_model("workouts", "SetLog").objects.create(entry=entry, reps=10, weight=None)
    return user.pk


def weights_of(apps, user_id):
    item = apps.get_model("routines", "RoutineItem").objects.get(routine__user_id=user_id)
    entry = apps.get_model("workouts", "SessionExercise").objects.get(session__user_id=user_id)
    sets = apps.get_model("workouts", "SetLog").objects.filter(entry=entry).order_by("pk")
    return [item.weight, entry.planned_weight, *(s.weight for s in sets)]


@pytest.mark.django_db(transaction=True)
def test_pounds_become_kg_and_kg_stay_as_they_are():
    old = migrate(BEFORE)
    pounds = person_with(old, "pounds", "lb", Decimal("50"))
    kilos = person_with(old, "kilos", "kg", Decimal("22.5"))

    new = migrate(AFTER)

    assert weights_of(new, pounds) == [Decimal("22.6796")] * 3 + [None]
    assert weights_of(new, kilos) == [Decimal("22.5")] * 3 + [None]


@pytest.mark.django_db(transaction=True)
def test_it_can_be_undone():
    pounds = person_with(migrate(BEFORE), "pounds", "lb", Decimal("50"))
    migrate(AFTER)

    old = migrate(BEFORE)

    assert weights_of(old, pounds) == [Decimal("50")] * 3 + [None]
    migrate(AFTER)
