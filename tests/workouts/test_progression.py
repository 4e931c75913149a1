from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.weights import to_kg
from exercises.models import Kind
from tests.factories import ExerciseFactory, WorkoutSessionFactory
from tests.workouts.progress_data import finished, logged, pain_note
from workouts.progression import suggest_progressions, suggestion_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(db):
    return ExerciseFactory(
        name="Seated row", easier="band row", harder="single-arm row with a pause"
    )


def train(
    user,
    exercise,
    days_ago,
    reps=(10, 10, 10),
    weight=20,
    planned_weight=20,
    pain_after=1,
    **planned,
):
    session = finished(user, timezone.now() - timedelta(days=days_ago), pain_after=pain_after)
    sets = [{"reps": r, "weight": weight} for r in reps]
    entry = logged(
        session,
        exercise,
        sets,
        planned_sets=3,
        planned_reps=10,
        planned_weight=planned_weight,
        **planned,
    )
    return entry


def test_two_clean_sessions_running_suggest_more_weight(user, row):
    train(user, row, 5)
    train(user, row, 2)

    (suggestion,) = suggest_progressions(user, "kg")

    assert suggestion.exercise == row
    assert suggestion.step == "weight"
    assert suggestion.weight == Decimal("22.5")
    assert "try 22.5 kg next time" in str(suggestion.message)


def test_the_step_is_five_pounds_for_people_who_use_pounds(user, row):
    kg = to_kg(45, "lb")
    train(user, row, 5, weight=kg, planned_weight=kg)
    train(user, row, 2, weight=kg, planned_weight=kg)

    (suggestion,) = suggest_progressions(user, "lb")

    assert suggestion.weight == Decimal("50")
    assert "try 50 lb" in str(suggestion.message)


def test_bodyweight_movements_get_the_harder_version(user, row):
    train(user, row, 5, weight=None, planned_weight=None)
    train(user, row, 2, weight=None, planned_weight=None)

    (suggestion,) = suggest_progressions(user, "kg")

    assert suggestion.step == "harder"
    assert "single-arm row with a pause" in str(suggestion.message)


def test_hitting_the_reps_only_once_suggests_nothing(user, row):
    train(user, row, 5, reps=(10, 10, 8))
    train(user, row, 2)

    assert suggest_progressions(user, "kg") == []


def test_a_single_session_suggests_nothing(user, row):
    train(user, row, 2)

    assert suggest_progressions(user, "kg") == []


def test_fewer_sets_than_planned_suggest_nothing(user, row):
    train(user, row, 5)
    train(user, row, 2, reps=(10, 10))

    assert suggest_progressions(user, "kg") == []


def test_dropping_the_weight_does_not_count_as_hitting_the_plan(user, row):
    train(user, row, 5)
    train(user, row, 2, weight=15, planned_weight=20)

    assert suggest_progressions(user, "kg") == []


def test_pain_of_four_after_the_session_holds_the_weight(user, row):
    train(user, row, 5)
    train(user, row, 2, pain_after=4)

    assert suggest_progressions(user, "kg") == []


def test_pain_of_three_still_allows_the_next_step(user, row):
    train(user, row, 5, pain_after=3)
    entry = train(user, row, 2)
    pain_note(entry=entry, intensity=3, kind="ache", timing="during")

    assert [s.step for s in suggest_progressions(user, "kg")] == ["weight"]


def test_a_pain_note_of_four_on_the_movement_holds_the_weight(user, row):
    train(user, row, 5)
    entry = train(user, row, 2)
    pain_note(entry=entry, intensity=4, kind="ache", timing="during")

    assert suggest_progressions(user, "kg") == []


def test_pain_noted_on_another_movement_does_not_hold_this_one(user, row):
    train(user, row, 5)
    entry = train(user, row, 2)
    other = logged(entry.session, ExerciseFactory(), [{"reps": 5}])
    pain_note(entry=other, intensity=6, kind="ache", timing="during")

    assert [s.exercise for s in suggest_progressions(user, "kg")] == [row]


def test_sharp_pain_on_the_movement_suggests_the_easier_version(user, row):
    train(user, row, 5)
    entry = train(user, row, 2)
    pain_note(entry=entry, intensity=2, kind="sharp", timing="during")

    (suggestion,) = suggest_progressions(user, "kg")

    assert suggestion.step == "easier"
    assert suggestion.is_caution
    assert "band row" in str(suggestion.message)
    assert "Stop if the sharp pain comes back" in str(suggestion.message)


def test_shooting_pain_in_the_earlier_session_holds_the_weight(user, row):
    first = train(user, row, 5)
    pain_note(entry=first, intensity=2, kind="shooting", timing="during")
    train(user, row, 2)

    assert suggest_progressions(user, "kg") == []


def test_sharp_pain_on_a_stretch_also_suggests_the_easier_version(user):
    stretch = ExerciseFactory(kind=Kind.MOBILITY, easier="seated on a chair")
    session = finished(user, timezone.now() - timedelta(days=1))
    entry = logged(session, stretch, [{"reps": 8}])
    pain_note(entry=entry, intensity=5, kind="sharp", timing="during")

    (suggestion,) = suggest_progressions(user, "kg")

    assert "seated on a chair" in str(suggestion.message)


def test_stretches_get_no_more_weight(user):
    stretch = ExerciseFactory(kind=Kind.MOBILITY)
    train(user, stretch, 5)
    train(user, stretch, 2)

    assert suggest_progressions(user, "kg") == []


def test_per_side_movements_need_the_sets_on_both_sides(user, row):
    for days in (5, 2):
        session = finished(user, timezone.now() - timedelta(days=days))
        logged(
            session,
            row,
            [{"reps": 10, "side": "left"}] * 3,
            planned_sets=3,
            planned_reps=10,
            per_side=True,
        )

    assert suggest_progressions(user, "kg") == []


def test_a_session_in_progress_does_not_count(user, row):
    train(user, row, 5)
    session = WorkoutSessionFactory(user=user, started_at=timezone.now() - timedelta(hours=1))
    logged(session, row, [{"reps": 10, "weight": 20}] * 3, planned_reps=10, planned_weight=20)

    assert suggest_progressions(user, "kg") == []


def test_only_the_owners_sessions_count(user, other_user, row):
    train(other_user, row, 5)
    train(other_user, row, 2)

    assert suggest_progressions(user, "kg") == []
    assert suggestion_for(other_user, row, "kg").step == "weight"


def test_it_takes_a_constant_number_of_queries(user, django_assert_num_queries):
    for n in range(10):
        exercise = ExerciseFactory()
        train(user, exercise, 5 + n)
        train(user, exercise, 2 + n)

    with django_assert_num_queries(4):
        suggestions = suggest_progressions(user, "kg")

    assert len(suggestions) == 10


def test_the_progress_and_movement_pages_show_the_suggestion(client, user, row):
    train(user, row, 5)
    train(user, row, 2)
    client.force_login(user)

    progress = client.get(reverse("workouts:progress")).content.decode()
    movement = client.get(reverse("workouts:movement_history", args=[row.slug])).content.decode()

    assert "try 22.5 kg next time" in progress
    assert "try 22.5 kg next time" in movement


def test_content_sentences_read_cleanly_inside_the_advice(client, user):
    row = ExerciseFactory(
        name="Band row x",
        easier="Sit on a chair and row from there.",
        harder="Pause at the ribs!\nThen lower slowly.",
    )
    entry = train(user, row, 2)
    pain_note(entry=entry, intensity=2, kind="sharp", timing="during")
    client.force_login(user)

    page = client.get(reverse("workouts:progress")).content.decode()

    assert "row from there. Stop if the sharp pain comes back" in page
    assert ".." not in page.split('id="next-steps"')[1].split("</section>")[0]


def test_the_harder_version_ends_with_one_full_stop(user):
    pull = ExerciseFactory(kind=Kind.STRENGTH, harder="Pause at the ribs!\nThen lower slowly.")
    train(user, pull, 5, weight=None, planned_weight=None)
    train(user, pull, 2, weight=None, planned_weight=None)

    (suggestion,) = suggest_progressions(user, "kg")

    assert str(suggestion.message).endswith("Pause at the ribs! Then lower slowly.")
