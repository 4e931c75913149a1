"""The starter routines shipped as content, as migrate leaves them in the database."""

import pytest
from django.apps import apps as django_apps

from exercises.models import Exercise, Kind
from routines import content
from routines.models import Purpose, Routine, RoutineItem

pytestmark = pytest.mark.django_db

NAMES = [starter["name"] for starter in content.STARTERS]


def starter(name):
    return Routine.objects.get(name=name, is_starter=True)


def slugs(routine):
    return list(routine.items.order_by("position").values_list("exercise__slug", flat=True))


def test_the_three_starters_exist_without_an_owner():
    starters = Routine.objects.filter(is_starter=True, name__in=NAMES)

    assert starters.count() == 3
    assert not starters.filter(user__isnull=False).exists()
    assert all(routine.description for routine in starters)


@pytest.mark.parametrize("data", content.STARTERS, ids=NAMES)
def test_each_starter_has_its_movements_in_order(data):
    routine = starter(data["name"])

    assert routine.purpose == data["purpose"]
    assert slugs(routine) == [slug for slug, _ in data["items"]]
    positions = list(routine.items.values_list("position", flat=True))
    assert positions == list(range(len(positions)))


def test_daily_mobility_is_all_seven_stretches():
    routine = starter("Daily mid-back mobility")

    assert routine.purpose == Purpose.MOBILITY
    assert set(slugs(routine)) == set(
        Exercise.objects.filter(kind=Kind.MOBILITY).values_list("slug", flat=True)
    )


def test_gym_strength_holds_only_strength_movements():
    routine = starter("Mid-back strength at the gym")

    assert routine.purpose == Purpose.STRENGTH
    assert not routine.items.exclude(exercise__kind=Kind.STRENGTH).exists()


def test_beginner_at_home_needs_nothing_beyond_home_equipment():
    routine = starter("Beginner at home (band and bodyweight)")
    home = set(Exercise.objects.for_home().values_list("slug", flat=True))

    assert set(slugs(routine)) <= home
    assert {"row", "face-pull", "back-extension"} <= set(slugs(routine))


def test_items_start_from_each_movements_default_prescription():
    for item in RoutineItem.objects.filter(routine__is_starter=True).select_related("exercise"):
        exercise = item.exercise
        item.full_clean()
        assert item.reps == exercise.reps_min
        assert item.hold_seconds == exercise.hold_seconds
        assert item.per_side == exercise.per_side
        assert item.rest_seconds == exercise.rest_seconds
        assert item.sets <= exercise.sets
        assert item.weight is None


def test_home_strength_items_start_with_fewer_sets():
    routine = starter("Beginner at home (band and bodyweight)")

    assert routine.items.get(exercise__slug="row").sets == 2


def test_loading_again_creates_nothing_new():
    before = (Routine.objects.count(), RoutineItem.objects.count())

    content.load(django_apps, None)

    assert (Routine.objects.count(), RoutineItem.objects.count()) == before


def test_loading_again_keeps_an_editors_changes():
    routine = starter("Daily mid-back mobility")
    routine.items.filter(exercise__slug="side-bend").delete()
    Routine.objects.filter(pk=routine.pk).update(description="Edited.")

    content.load(django_apps, None)

    routine.refresh_from_db()
    assert routine.description == "Edited."
    assert "side-bend" not in slugs(routine)
