import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    WorkoutSessionFactory,
)
from workouts.models import SessionExercise, WorkoutSession

pytestmark = pytest.mark.django_db
START = reverse("workouts:start")
CURRENT = reverse("workouts:current")


def test_it_copies_the_routine_into_the_session(client, user):
    routine = RoutineFactory(user=user)
    pull = RoutineItemFactory(routine=routine, position=1, sets=4, reps=8, weight=20)
    stretch = RoutineItemFactory(
        routine=routine,
        position=0,
        exercise=ExerciseFactory(reps_min=None, reps_max=None, hold_seconds=30),
        reps=None,
        hold_seconds=30,
        per_side=True,
        rest_seconds=20,
    )
    client.force_login(user)
    response = client.post(START, {"routine": routine.pk})
    session = WorkoutSession.objects.get(user=user)
    assert response.status_code == 302
    assert response.url == session.get_absolute_url()
    assert session.routine == routine and session.is_in_progress
    first, second = session.entries.all()
    assert first.exercise_id == stretch.exercise_id
    assert (first.planned_hold_seconds, first.per_side, first.rest_seconds) == (30, True, 20)
    assert second.exercise_id == pull.exercise_id
    assert (second.planned_sets, second.planned_reps, second.planned_weight) == (4, 8, 20)


def test_it_starts_a_starter_routine(client, user):
    starter = RoutineFactory(user=None, is_starter=True)
    RoutineItemFactory.create_batch(2, routine=starter)
    client.force_login(user)
    client.post(START, {"routine": starter.pk})
    session = WorkoutSession.objects.get(user=user)
    assert session.entries.count() == starter.items.count()


def test_it_starts_a_scheduled_session_on_its_date(client, user):
    schedule = ScheduledSessionFactory(user=user)
    RoutineItemFactory(routine=schedule.routine)
    client.force_login(user)
    client.post(START, {"schedule": schedule.pk, "date": "2026-11-20"})
    session = WorkoutSession.objects.get(user=user)
    assert session.schedule == schedule
    assert session.routine == schedule.routine
    assert session.scheduled_date == datetime.date(2026, 11, 20)
    assert session.entries.count() == 1


def test_it_starts_an_empty_session(client, user):
    client.force_login(user)
    response = client.post(START)
    session = WorkoutSession.objects.get(user=user)
    assert response.url == session.get_absolute_url()
    assert session.routine is None and session.entries.count() == 0


def test_it_keeps_one_session_in_progress(client, user):
    open_session = WorkoutSessionFactory(user=user)
    client.force_login(user)
    response = client.post(START, {"routine": RoutineFactory(user=user).pk}, follow=True)
    assert response.redirect_chain[-1][0] == open_session.get_absolute_url()
    assert "already have a session in progress" in response.content.decode()
    assert WorkoutSession.objects.filter(user=user).count() == 1


def test_the_database_refuses_a_second_open_session_and_start_returns_the_open_one(user):
    first, created = WorkoutSession.start(user)
    # Simulates the race: a second start that got past the view's check.
    second, created_again = WorkoutSession.start(user)
    assert created and not created_again
    assert second == first
    assert WorkoutSession.objects.filter(user=user).count() == 1


def test_a_finished_session_does_not_block_a_new_one(client, user):
    WorkoutSessionFactory(user=user).finish(minutes=20)
    client.force_login(user)
    client.post(START)
    assert WorkoutSession.objects.filter(user=user).in_progress().count() == 1


def test_it_refuses_someone_elses_routine(client, user, other_user):
    routine = RoutineFactory(user=other_user)
    client.force_login(user)
    assert client.post(START, {"routine": routine.pk}).status_code == 404
    assert not WorkoutSession.objects.exists()


def test_it_refuses_someone_elses_schedule(client, user, other_user):
    schedule = ScheduledSessionFactory(user=other_user)
    client.force_login(user)
    assert client.post(START, {"schedule": schedule.pk}).status_code == 404


def test_it_refuses_a_bad_date(client, user):
    client.force_login(user)
    assert client.post(START, {"date": "2026-13-45"}).status_code == 404
    assert not WorkoutSession.objects.exists()


def test_it_rejects_get(client, user):
    client.force_login(user)
    assert client.get(START).status_code == 405


def test_it_asks_anonymous_people_to_log_in(client):
    assert client.post(START).status_code == 302
    assert "login" in client.get(CURRENT).url
    assert not WorkoutSession.objects.exists()


def test_current_goes_to_the_session_in_progress(client, user):
    session = WorkoutSessionFactory(user=user)
    client.force_login(user)
    assert client.get(CURRENT).url == session.get_absolute_url()


def test_current_lists_my_routines_to_start_from(client, user, other_user):
    mine = RoutineFactory(user=user, name="My mid-back day")
    RoutineFactory(user=other_user, name="Their secret routine")
    WorkoutSessionFactory(user=other_user)
    client.force_login(user)
    response = client.get(CURRENT)
    content = response.content.decode()
    assert response.status_code == 200
    assert mine.name in content
    assert "Their secret routine" not in content
    assert "Empty session" in content


def test_starting_is_one_transaction(user, monkeypatch):
    routine = RoutineFactory(user=user)
    RoutineItemFactory(routine=routine)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SessionExercise.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        WorkoutSession.start(user, routine=routine)
    assert not WorkoutSession.objects.exists()
