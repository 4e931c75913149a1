"""Last time and the applied target are cached per movement until the person's past changes:
a set tap reads only its own rows, and every change to the past shows at once."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from tests.factories import ExerciseFactory, SessionExerciseFactory, WorkoutSessionFactory
from tests.workouts.progress_data import finished, logged
from workouts.caching import past_version
from workouts.models import ProgressionTarget

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def exercise():
    return ExerciseFactory(name="Zz Row", kind="strength")


@pytest.fixture
def earlier(user, exercise):
    session = finished(user, timezone.now() - timedelta(days=2))
    return logged(session, exercise, [{"reps": 10, "weight": Decimal(20)}])


@pytest.fixture
def entry(user, exercise, earlier):
    return SessionExerciseFactory(
        session=WorkoutSessionFactory(user=user), exercise=exercise, planned_sets=3, planned_reps=8
    )


def tap(client, entry, **values):
    data = {"idempotency_key": uuid.uuid4(), "weight": "20"} | values
    response = client.post(reverse("workouts:log_set", args=[entry.pk]), data, **HTMX)
    return response.content.decode()


def last_texts(html):
    return [part.split("</span>")[0] for part in html.split('<span class="set-last">')[1:]]


def test_a_set_tap_leaves_the_past_alone(client, user, entry):
    client.force_login(user)
    tap(client, entry, reps=8)
    version = past_version(user.pk)
    tap(client, entry, reps=8)
    assert past_version(user.pk) == version


def test_a_correction_to_a_finished_session_shows_as_last_time_at_once(
    client, user, earlier, entry
):
    client.force_login(user)
    assert last_texts(tap(client, entry, reps=8))[0] == "10 reps × 20 kg"
    old_set = earlier.sets.get()
    client.post(
        reverse("workouts:edit_set", args=[old_set.entry_id, old_set.pk]),
        {"reps": "0", "weight": "25"},
    )
    assert last_texts(tap(client, entry, reps=8))[0] == "0 reps × 25 kg"  # 0 is a value
    page = client.get(entry.session.get_absolute_url()).content.decode()
    assert "0 reps × 25 kg" in page and "10 reps × 20 kg" not in page


def test_a_target_applied_mid_session_starts_the_next_set(client, user, exercise):
    entry = SessionExerciseFactory(
        session=WorkoutSessionFactory(user=user),
        exercise=exercise,
        planned_sets=3,
        planned_reps=8,
        planned_weight=Decimal(20),
    )
    other = SessionExerciseFactory(session=entry.session, exercise=ExerciseFactory(), position=1)
    client.force_login(user)
    tap(client, other, reps=5)  # the page's movements read their last time once
    assert (
        f'id="entry-{entry.pk}-weight" value="20"'
        in client.get(entry.session.get_absolute_url()).content.decode()
    )
    ProgressionTarget.apply(user, exercise, Decimal("22.5"))
    page = client.get(entry.session.get_absolute_url()).content.decode()
    assert f'id="entry-{entry.pk}-weight" value="22.5"' in page


def test_last_time_is_converted_to_the_persons_unit(client, user, entry):
    client.force_login(user)
    assert last_texts(tap(client, entry, reps=8))[0] == "10 reps × 20 kg"
    Profile.objects.filter(user=user).update(weight_unit="lb")
    assert last_texts(tap(client, entry, reps=8, weight="45"))[0] == "10 reps × 44.1 lb"


def test_a_finished_session_is_the_next_ones_last_time(client, user, entry, exercise):
    client.force_login(user)
    tap(client, entry, reps=0)
    client.post(reverse("workouts:finish", args=[entry.session_id]), {"minutes": "30"})
    entry.session.refresh_from_db()
    assert entry.session.finished_at is not None
    later = SessionExerciseFactory(
        session=WorkoutSessionFactory(user=user), exercise=exercise, planned_sets=3, planned_reps=8
    )
    assert last_texts(tap(client, later, reps=8))[0] == "0 reps × 20 kg"
