import re

import pytest
from django.urls import reverse

from exercises.models import Exercise, Kind, Target
from tests.factories import (
    ExerciseFactory,
    MuscleFactory,
    SessionExerciseFactory,
    TargetFactory,
    WorkoutSessionFactory,
)
from workouts.views.logging import SWAP_CHOICES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_these_movements():
    Exercise.objects.update(is_published=False)  # the shipped content would crowd the lists


def swap_options(html, entry):
    select = re.search(
        rf'<select name="exercise" id="entry-{entry.pk}-swap-exercise">(.*?)</select>', html, re.S
    )
    return re.findall(r'<option value="\d+">([^<]+)</option>', select.group(1))


@pytest.fixture
def row_entry(user):
    rhomboids, traps, lats = MuscleFactory(), MuscleFactory(), MuscleFactory()
    row = ExerciseFactory(name="Row", kind=Kind.STRENGTH)
    for muscle in (rhomboids, traps):
        TargetFactory(exercise=row, muscle=muscle)
    close = ExerciseFactory(name="Zz close", kind=Kind.STRENGTH)  # shares both muscles
    for muscle in (rhomboids, traps):
        TargetFactory(exercise=close, muscle=muscle, role=Target.Role.SECONDARY)
    TargetFactory(exercise=ExerciseFactory(name="Yy near", kind=Kind.STRENGTH), muscle=traps)
    TargetFactory(exercise=ExerciseFactory(name="Lat pull", kind=Kind.STRENGTH), muscle=lats)
    stretch = ExerciseFactory(
        name="Aa stretch", kind=Kind.MOBILITY, reps_min=None, reps_max=None, hold_seconds=30
    )
    TargetFactory(exercise=stretch, muscle=rhomboids)
    ExerciseFactory(name="Aa draft", kind=Kind.STRENGTH, is_published=False)
    session = WorkoutSessionFactory(user=user)
    return SessionExerciseFactory(session=session, exercise=row)


def test_swap_offers_the_closest_movements_of_the_same_kind_first(client, user, row_entry):
    client.force_login(user)

    html = client.get(reverse("workouts:session", args=[row_entry.session_id])).content.decode()

    # most muscles in common, then fewer, then the rest of the kind by name; never itself,
    # a stretch for a strength movement, or an unpublished one
    assert swap_options(html, row_entry) == ["Zz close", "Yy near", "Lat pull"]


def test_swap_offers_a_short_list_however_big_the_library(client, user, row_entry):
    ExerciseFactory.create_batch(SWAP_CHOICES + 5, kind=Kind.STRENGTH)
    client.force_login(user)

    html = client.get(reverse("workouts:session", args=[row_entry.session_id])).content.decode()

    assert len(swap_options(html, row_entry)) == SWAP_CHOICES
    add = re.search(r'<select name="exercise" id="add-exercise">(.*?)</select>', html, re.S).group(
        1
    )
    assert add.count('<option value="') == 1 + 5 + SWAP_CHOICES + 5  # adding offers every one


def test_the_logged_set_fragment_carries_the_short_list_too(client, user, row_entry):
    client.force_login(user)

    response = client.post(
        reverse("workouts:log_set", args=[row_entry.pk]), {"reps": 10}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert swap_options(response.content.decode(), row_entry) == ["Zz close", "Yy near", "Lat pull"]
