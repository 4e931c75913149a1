from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from accounts.weights import to_kg
from exercises.models import Kind
from tests.factories import ExerciseFactory
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db


def url(exercise):
    return reverse("workouts:movement_history", args=[exercise.slug])


@pytest.fixture
def row(db):
    return ExerciseFactory(name="Seated row")


def session_with(user, exercise, days_ago, sets):
    session = finished(user, timezone.now() - timedelta(days=days_ago))
    return logged(session, exercise, sets)


def test_it_sends_anonymous_people_to_log_in(client, row):
    assert client.get(url(row)).status_code == 302


def test_it_is_a_404_for_an_unknown_movement(client, user):
    client.force_login(user)

    assert client.get("/sessions/progress/no-such-movement/").status_code == 404


def test_it_lists_every_set_and_the_best_one(client, user, row):
    session_with(user, row, 20, [{"reps": 12, "weight": 20}, {"reps": 10, "weight": 25}])
    session_with(user, row, 3, [{"reps": 8, "weight": 25}, {"reps": 6, "weight": "27.5", "rpe": 9}])
    client.force_login(user)

    response = client.get(url(row))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["best"].weight == 27.5
    assert "6 reps × 27.5 kg" in content
    assert content.count("<tr>") == 1 + 4  # header row and four sets
    assert '<th scope="col">Weight (kg)</th>' in content
    assert 'role="img"' in content


def test_the_best_hold_is_the_longest_for_a_held_stretch(client, user):
    pose = ExerciseFactory(kind=Kind.MOBILITY, reps_min=None, reps_max=None, hold_seconds=30)
    session_with(user, pose, 2, [{"hold_seconds": 30}, {"hold_seconds": 55}, {"hold_seconds": 40}])
    client.force_login(user)

    response = client.get(url(pose))

    assert response.context["best"].hold_seconds == 55
    assert "hold 55 s" in response.content.decode()


def test_the_trend_compares_the_last_four_weeks_with_the_four_before(client, user, row):
    session_with(user, row, 60, [{"reps": 10, "weight": 50}])  # too old to count
    session_with(user, row, 45, [{"reps": 10, "weight": 20}])
    session_with(user, row, 35, [{"reps": 10, "weight": 20}])  # previous four weeks: 400
    session_with(user, row, 10, [{"reps": 10, "weight": 25}])  # recent: 250
    client.force_login(user)

    trend = client.get(url(row)).context["trend"]

    assert trend.measure == "load"
    assert trend.previous_volume == 400
    assert trend.recent_volume == 250
    assert trend.direction == "down"
    assert trend.recent_best == 25


def test_the_trend_goes_up_and_counts_reps_without_weight(client, user, row):
    session_with(user, row, 33, [{"reps": 8}])
    session_with(user, row, 3, [{"reps": 10}, {"reps": 10}])
    client.force_login(user)

    trend = client.get(url(row)).context["trend"]

    assert trend.measure == "reps"
    assert (trend.previous_volume, trend.recent_volume, trend.direction) == (8, 20, "up")


def test_it_shows_the_owner_none_of_anyone_elses_sets(client, user, other_user, row):
    session_with(user, row, 3, [{"reps": 10, "weight": 99}])
    client.force_login(other_user)

    response = client.get(url(row))

    assert response.context["best"] is None
    assert "99 kg" not in response.content.decode()
    assert "You have not logged Seated row" in response.content.decode()


def test_it_pages_through_sessions_and_survives_bad_page_numbers(client, user, row):
    for days in range(1, 23):
        session_with(user, row, days, [{"reps": 10}])
    client.force_login(user)

    for page, expected in [("2", "page 2 of 2"), ("zzz", "page 1 of 2"), ("77", "page 2 of 2")]:
        response = client.get(url(row), {"page": page})
        assert response.status_code == 200
        assert expected in response.content.decode()


def test_it_returns_only_the_set_table_for_htmx(client, user, row):
    session_with(user, row, 3, [{"reps": 10}])
    client.force_login(user)

    response = client.get(url(row), headers={"HX-Request": "true"})

    content = response.content.decode()
    assert "<html" not in content
    assert "<table" in content
    assert "Best set" not in content


def test_it_shows_weights_in_the_users_unit(client, user, row):
    profile = Profile.for_user(user)
    profile.weight_unit = "lb"
    profile.save()
    session_with(user, row, 3, [{"reps": 10, "weight": to_kg(45, "lb")}])
    client.force_login(user)

    assert "10 reps × 45 lb" in client.get(url(row)).content.decode()


def test_its_query_count_does_not_grow_with_sessions(client, user, row, django_assert_num_queries):
    for days in range(1, 60):
        session_with(user, row, days, [{"reps": 10, "weight": 20}] * 3)
    Profile.for_user(user)
    client.force_login(user)

    # session, user, exercise, profile, count, entries, sets, best set, trend, four for the
    # suggestion, best per session for the chart
    with django_assert_num_queries(14):
        response = client.get(url(row))

    assert response.content.decode().count("<tr>") == 1 + 20 * 3
