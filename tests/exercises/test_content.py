"""The shipped library content, as migrate leaves it in the database."""

import pytest
from django.apps import apps as django_apps

from exercises import content
from exercises.models import Equipment, Exercise, Guidance, Kind, Muscle, Region, Step, Target

pytestmark = pytest.mark.django_db

SLUGS = [data["slug"] for data in content.EXERCISES]
MID_BACK_MUSCLES = {
    "Rhomboids",
    "Middle trapezius",
    "Lower trapezius",
    "Rear deltoids",
    "Latissimus dorsi (lats)",
    "Thoracic erector spinae",
}


def texts(exercise):
    steps = " ".join(exercise.steps.values_list("text", flat=True))
    return " ".join(
        [
            exercise.name,
            exercise.summary,
            exercise.cues,
            exercise.mistakes,
            exercise.easier,
            exercise.harder,
            exercise.safety_notes,
            steps,
        ]
    ).lower()


def test_all_fifteen_movements_are_published():
    assert Exercise.objects.published().filter(slug__in=SLUGS).count() == 15
    assert Exercise.objects.filter(slug__in=SLUGS, kind=Kind.MOBILITY).count() == 7
    assert Exercise.objects.filter(slug__in=SLUGS, kind=Kind.STRENGTH).count() == 8


@pytest.mark.parametrize("slug", SLUGS)
def test_each_movement_has_steps_numbered_from_one_without_gaps(slug):
    positions = list(Step.objects.filter(exercise__slug=slug).values_list("position", flat=True))

    assert 3 <= len(positions) <= 6
    assert positions == list(range(1, len(positions) + 1))


@pytest.mark.parametrize("slug", SLUGS)
def test_each_movement_is_complete_and_valid(slug):
    exercise = Exercise.objects.get(slug=slug)

    exercise.full_clean()  # the same validators an editor's admin form runs
    assert len(exercise.summary) > 80
    assert len(exercise.cue_list()) >= 3
    assert len(exercise.mistake_list()) >= 2
    assert exercise.easier and exercise.harder
    assert exercise.primary_targets()
    assert exercise.prescription()


def test_mid_back_muscles_are_named_properly():
    mid_back = set(Muscle.objects.filter(is_mid_back=True).values_list("name", flat=True))

    assert mid_back == MID_BACK_MUSCLES


def test_every_muscle_has_a_body_map_region():
    regions = set(Muscle.objects.values_list("region", flat=True))

    assert regions <= set(Region.values)


def test_home_equipment_is_marked_as_found_at_home():
    at_home = set(Equipment.objects.filter(at_home=True).values_list("slug", flat=True))

    assert at_home == {
        "mat",
        "chair",
        "foam-roller",
        "doorway",
        "resistance-band",
        "stability-ball",
    }


def test_home_friendly_movements_include_band_work_but_not_barbells():
    home = set(Exercise.objects.for_home().values_list("slug", flat=True))

    assert {"cat-cow", "side-bend", "row", "face-pull", "back-extension"} <= home
    assert not {"deadlift", "t-bar-row", "wide-grip-lat-pulldown", "pull-up"} & home


def test_doorway_stretch_opens_the_chest_rather_than_the_mid_back():
    doorway = Exercise.objects.get(slug="doorway-chest-stretch")

    assert [t.muscle.slug for t in doorway.primary_targets()] == ["pectorals"]
    assert "no pain in the shoulder" in doorway.safety_notes


def test_deadlift_is_a_strength_exercise_learned_light():
    deadlift = Exercise.objects.get(slug="deadlift")

    assert deadlift.kind == Kind.STRENGTH
    assert "light weight" in deadlift.safety_notes
    assert "flat back" in deadlift.safety_notes


def test_face_pull_is_anchored_at_head_height():
    assert "head height" in texts(Exercise.objects.get(slug="face-pull"))


def test_reverse_fly_is_a_controlled_raise_not_a_swing():
    reverse_fly = Exercise.objects.get(slug="reverse-fly")

    assert "never a swing" in reverse_fly.summary
    assert "swinging" in reverse_fly.mistakes.lower()


def test_pull_up_alternates_overhand_and_underhand_grips():
    pull_up = texts(Exercise.objects.get(slug="pull-up"))

    assert "overhand" in pull_up
    assert "underhand chin-up grip" in pull_up
    assert "no swinging" in pull_up


def test_lat_pulldown_is_never_pulled_behind_the_neck():
    pulldown = Exercise.objects.get(slug="wide-grip-lat-pulldown")

    assert "never behind the neck" in pulldown.safety_notes


def test_no_movement_treats_back_pain_as_chest_pain():
    for exercise in Exercise.objects.filter(slug__in=SLUGS):
        assert "chest pain" not in texts(exercise), exercise.slug


def test_urgent_guidance_lists_the_red_flags_as_guidance_not_diagnosis():
    urgent = Guidance.objects.get(tone=Guidance.Tone.URGENT)
    body = urgent.body.lower()

    assert urgent.applies_to == Guidance.Applies.ALL
    for flag in [
        "chest pain",
        "breathlessness",
        "fever",
        "weight loss",
        "numbness",
        "tingling",
        "weakness",
        "bladder or bowel",
        "after a fall or an accident",
        "emergency",
    ]:
        assert flag in body
    assert "not a diagnosis" in body


def test_guidance_applies_where_it_belongs():
    strength = Guidance.for_kind(Kind.STRENGTH)
    mobility = Guidance.for_kind(Kind.MOBILITY)

    assert strength.filter(body__icontains="rest day").exists()
    assert not mobility.filter(body__icontains="rest day").exists()
    assert mobility.filter(body__icontains="every day").exists()
    sharp_pain = Guidance.objects.get(slug="discomfort-or-pain")
    assert sharp_pain.tone == Guidance.Tone.CAUTION
    assert "stop" in sharp_pain.body
    assert Guidance.objects.filter(slug="see-a-professional", body__icontains="injury").exists()


def counts():
    return [
        model.objects.count() for model in (Equipment, Muscle, Exercise, Step, Target, Guidance)
    ]


def test_loading_again_creates_nothing_new():
    before = counts()

    content.load(django_apps, None)

    assert counts() == before
    assert Exercise.equipment.through.objects.count() == sum(
        len(option) for data in content.EXERCISES for option in data["equipment"]
    )


def test_loading_again_keeps_an_editors_changes():
    Exercise.objects.filter(slug="cat-cow").update(summary="Edited by an editor.")
    Step.objects.filter(exercise__slug="cat-cow", position=4).delete()
    Guidance.objects.filter(slug="how-often").update(title="Edited title")

    content.load(django_apps, None)

    cat_cow = Exercise.objects.get(slug="cat-cow")
    assert cat_cow.summary == "Edited by an editor."
    assert cat_cow.steps.count() == 3
    assert Guidance.objects.get(slug="how-often").title == "Edited title"
