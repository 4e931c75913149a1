import pytest
from django.db import IntegrityError, transaction
from django.utils.text import slugify

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
    bar_move.equipment.add(bar, mat)  # needed together: a mat alone will not do
    ours = Exercise.objects.filter(name__endswith=" x")

    assert set(ours.of_kind(Kind.MOBILITY)) == {floor_move, nothing_needed}
    assert set(ours.for_level(Level.ADVANCED)) == {bar_move}
    assert set(ours.for_equipment(bar)) == {bar_move}
    assert set(ours.for_home()) == {floor_move, nothing_needed}
    assert list(ours.working(rhomboids)) == [floor_move]
    assert list(ours.search("FLOOR")) == [floor_move]
    assert list(ours.search(rhomboids.name)) == [floor_move]
    assert list(ours.of_kind(Kind.MOBILITY).for_home().working(rhomboids)) == [floor_move]


def test_for_home_takes_a_movement_when_one_alternative_is_all_at_home():
    cable = EquipmentFactory(name="Cable y", slug="cable-y")
    rope = EquipmentFactory(name="Rope y", slug="rope-y")
    band = EquipmentFactory(name="Band y", slug="band-y", at_home=True)
    pull = ExerciseFactory(name="Pull y")
    pull.equipment.add(cable, rope, through_defaults={"option": 1})
    gym_only = ExerciseFactory(name="Gym y")
    gym_only.equipment.add(cable, rope)
    pull.equipment.add(band, through_defaults={"option": 2})

    assert set(Exercise.objects.filter(name__endswith=" y").for_home()) == {pull}


@pytest.mark.parametrize(
    "options, text",
    [
        ([], "None needed"),
        ([["Mat"]], "Mat"),
        ([["Chair"], ["Foam roller"]], "Chair or foam roller"),
        ([["Bench"], ["Stability ball"], ["Mat"]], "Bench, stability ball or mat"),
        ([["Dumbbells", "Incline bench"]], "Dumbbells and incline bench"),
        (
            [["Cable machine", "Rope attachment"], ["Resistance band"]],
            "Cable machine and rope attachment, or resistance band",
        ),
        ([["Landmine"], ["T-bar row machine"]], "Landmine or T-bar row machine"),
    ],
)
def test_equipment_text_tells_needed_together_from_alternatives(options, text):
    exercise = ExerciseFactory()
    for number, option in enumerate(options, start=1):
        for name in option:
            piece = EquipmentFactory(name=name, slug=slugify(name))  # or the shipped one
            exercise.equipment.add(piece, through_defaults={"option": number})

    assert Exercise.objects.with_equipment().get(pk=exercise.pk).equipment_text() == text


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
