import pytest
from django.urls import reverse

from tests.factories import (
    ExerciseFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)

pytestmark = pytest.mark.django_db


def test_it_shows_the_movements_with_plan_and_last_time(client, user):
    exercise = ExerciseFactory(name="Band pull-apart test")
    old = WorkoutSessionFactory(user=user)
    old_entry = SessionExerciseFactory(session=old, exercise=exercise)
    SetLogFactory(entry=old_entry, reps=12, weight=15)
    old.finish(minutes=30)
    session = WorkoutSessionFactory(user=user)
    SessionExerciseFactory(session=session, exercise=exercise, planned_reps=15)
    client.force_login(user)
    response = client.get(reverse("workouts:session", args=[session.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Band pull-apart test" in content
    assert "3 × 15 reps" in content
    assert "12 reps × 15 kg" in content
    assert "Log set 1" in content
