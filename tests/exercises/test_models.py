import pytest
from django.db import IntegrityError, transaction

from exercises.models import Exercise, Guidance, Kind, Level, Region, Target
from tests.factories import (
    EquipmentFactory,
    ExerciseFactory,
    GuidanceFactory,
    MuscleFactory,
    StepFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "values",
    [
        {"sets": 0},
        {"sets": 11},
        {"reps_min": 0},
        {"reps_min": 10, "reps_max": 8},
        {"reps_min": None, "reps_max": 8, "hold_seconds": 20},
        {"reps_min": None, "reps_max": None, "hold_seconds": None},
        {"reps_min": None, "reps_max": None, "hold_seconds": 0},
        {"reps_min": None, "reps_max": None, "hold_seconds": 601},
        {"rest_seconds": 601},
        {"image": "exercises/row.png", "image_alt": ""},
    ],
)
def test_the_database_refuses_an_impossible_prescription(values):
    exercise = ExerciseFactory()
    for name, value in values.items():
        setattr(exercise, name, value)

    with pytest.raises(IntegrityError), transaction.atomic():
        exercise.save()


def test_slugs_are_unique():
    ExerciseFactory(slug="row-x")

    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseFactory(slug="row-x")


def test_a_muscle_is_listed_once_per_movement():
    target = TargetFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(exercise=target.exercise, muscle=target.muscle)


def test_step_positions_are_unique_and_positive():
    step = StepFactory(position=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        StepFactory(exercise=step.exercise, position=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        StepFactory(exercise=step.exercise, position=0)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"sets": 3, "reps_min": 8, "reps_max": 12}, "3 × 8–12 reps"),
        ({"sets": 3, "reps_min": 5, "reps_max": 5}, "3 × 5 reps"),
        ({"sets": 2, "reps_min": None, "reps_max": None, "hold_seconds": 30}, "2 × hold 30 s"),
        (
            {"sets": 2, "reps_min": None, "reps_max": None, "hold_seconds": 20, "per_side": True},
            "2 × hold 20 s each side",
        ),
        ({"sets": 2, "reps_min": 8, "reps_max": 10, "hold_seconds": 3}, "2 × 8–10 reps, hold 3 s"),
    ],
)
def test_prescription_reads_as_a_dose(values, expected):
    assert ExerciseFactory.build(**values).prescription() == expected


def test_published_hides_drafts():
    shown = ExerciseFactory()
    ExerciseFactory(is_published=False)

    assert list(Exercise.objects.published().filter(name__startswith="Movement")) == [shown]


def test_queryset_methods_chain_into_one_filtered_list():
    mat = EquipmentFactory(name="Mat x", slug="mat-x", at_home=True)
    bar = EquipmentFactory(name="Bar x", slug="bar-x")
    rhomboids = MuscleFactory()
    floor_move = ExerciseFactory(kind=Kind.MOBILITY, level=Level.BEGINNER, name="Floor x")
    floor_move.equipment.add(mat)
    TargetFactory(exercise=floor_move, muscle=rhomboids)
    nothing_needed = ExerciseFactory(kind=Kind.MOBILITY, name="Stand x")
    bar_move = ExerciseFactory(kind=Kind.STRENGTH, level=Level.ADVANCED, name="Hang x")
    bar_move.equipment.add(bar, mat)  # a mat alone will not do for this one, but it is listed
    ours = Exercise.objects.filter(name__endswith=" x")

    assert set(ours.of_kind(Kind.MOBILITY)) == {floor_move, nothing_needed}
    assert set(ours.for_level(Level.ADVANCED)) == {bar_move}
    assert set(ours.for_equipment(bar)) == {bar_move}
    assert set(ours.for_home()) == {floor_move, nothing_needed, bar_move}
    assert list(ours.working(rhomboids)) == [floor_move]
    assert list(ours.search("FLOOR")) == [floor_move]
    assert list(ours.search(rhomboids.name)) == [floor_move]
    assert list(ours.of_kind(Kind.MOBILITY).for_home().working(rhomboids)) == [floor_move]


def test_for_home_leaves_out_gym_only_movements():
    gym = ExerciseFactory(name="Gym x")
    gym.equipment.add(EquipmentFactory(at_home=False))

    assert gym not in Exercise.objects.for_home()


def test_worked_regions_marks_primary_over_secondary():
    exercise = ExerciseFactory()
    TargetFactory(exercise=exercise, muscle=MuscleFactory(region=Region.RHOMBOIDS))
    TargetFactory(
        exercise=exercise,
        muscle=MuscleFactory(region=Region.RHOMBOIDS),
        role=Target.Role.SECONDARY,
    )
    TargetFactory(
        exercise=exercise,
        muscle=MuscleFactory(region=Region.UPPER_TRAPS),
        role=Target.Role.SECONDARY,
    )

    assert exercise.worked_regions() == {"rhomboids": "primary", "upper_traps": "secondary"}


def test_related_movements_share_muscles_and_kind():
    muscle = MuscleFactory()
    exercise = ExerciseFactory()
    TargetFactory(exercise=exercise, muscle=muscle)
    close = ExerciseFactory()
    TargetFactory(exercise=close, muscle=muscle)
    other_kind = ExerciseFactory(kind=Kind.MOBILITY)
    TargetFactory(exercise=other_kind, muscle=muscle)
    draft = ExerciseFactory(is_published=False)
    TargetFactory(exercise=draft, muscle=muscle)

    assert list(exercise.related()) == [close]


def test_guidance_for_a_kind_includes_general_advice():
    general = GuidanceFactory(applies_to=Guidance.Applies.ALL)
    strength = GuidanceFactory(applies_to=Guidance.Applies.STRENGTH)
    mobility = GuidanceFactory(applies_to=Guidance.Applies.MOBILITY)

    shown = set(Guidance.for_kind(Kind.STRENGTH))

    assert {general, strength} <= shown
    assert mobility not in shown
