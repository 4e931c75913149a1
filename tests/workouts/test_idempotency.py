import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    PainNoteFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from workouts.models import KeyInUse, PainNote, SetLog

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def entry(user):
    return SessionExerciseFactory(session=WorkoutSessionFactory(user=user))


def post_set(client, entry, key, **headers):
    data = {"idempotency_key": key, "reps": 10, "weight": "20"}
    return client.post(reverse("workouts:log_set", args=[entry.pk]), data, **headers)


@pytest.mark.django_db
def test_the_same_key_twice_saves_one_set_and_answers_the_same(client, user, entry):
    client.force_login(user)
    key = str(uuid.uuid4())
    first = post_set(client, entry, key)
    second = post_set(client, entry, key)
    assert SetLog.objects.count() == 1
    assert (first.status_code, first.url) == (second.status_code, second.url)


@pytest.mark.django_db
def test_a_repeated_htmx_post_returns_the_saved_set_not_a_new_one(client, user, entry):
    client.force_login(user)
    key = str(uuid.uuid4())
    first = post_set(client, entry, key, **HTMX)
    second = post_set(client, entry, key, **HTMX)
    assert first.status_code == second.status_code == 200
    assert SetLog.objects.count() == 1
    for response in (first, second):
        assert response.content.decode().count('class="set-row is-logged"') == 1
        assert "Log set 2" in response.content.decode()


@pytest.mark.django_db
def test_two_different_keys_are_two_sets(client, user, entry):
    client.force_login(user)
    post_set(client, entry, str(uuid.uuid4()))
    post_set(client, entry, str(uuid.uuid4()))
    assert SetLog.objects.count() == 2


@pytest.mark.django_db
def test_the_race_is_settled_by_the_unique_constraint(entry):
    # The second call goes straight to INSERT and hits the constraint, as the loser of a race
    # between two requests would.
    key = uuid.uuid4()
    first, created = entry.log_set(idempotency_key=key, reps=10)
    second, created_again = entry.log_set(idempotency_key=key, reps=12)
    assert created and not created_again
    assert second == first and second.reps == 10
    assert SetLog.objects.count() == 1


@pytest.mark.django_db
def test_a_key_used_on_another_movement_is_refused_without_revealing_it(client, user, entry):
    yesterday = timezone.now() - timedelta(days=1)
    earlier = WorkoutSessionFactory(user=user, started_at=yesterday, finished_at=yesterday)
    other_entry = SessionExerciseFactory(session=earlier)
    key = str(uuid.uuid4())
    client.force_login(user)
    post_set(client, entry, key)
    response = post_set(client, other_entry, key, **HTMX)
    assert "This form is out of date" in response.content.decode()
    assert SetLog.objects.get().entry == entry


@pytest.mark.django_db
def test_a_someone_elses_key_is_never_moved_or_shown(client, user, other_user, entry):
    theirs = SessionExerciseFactory(session=WorkoutSessionFactory(user=other_user))
    key = uuid.uuid4()
    theirs.log_set(idempotency_key=key, reps=3, note="their secret")
    client.force_login(user)
    response = post_set(client, entry, str(key), **HTMX)
    assert response.status_code == 200
    assert "their secret" not in response.content.decode()
    assert SetLog.objects.get().entry == theirs


@pytest.mark.django_db
def test_a_pain_note_is_saved_once_per_key(client, user, entry):
    client.force_login(user)
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 3,
        "areas": ["upper-back-left"],
        "kind": "ache",
        "timing": "during",
    }
    url = reverse("workouts:entry_pain", args=[entry.pk])
    client.post(url, data, **HTMX)
    client.post(url, data, **HTMX)
    assert PainNote.objects.count() == 1


@pytest.mark.django_db
def test_a_day_entry_is_saved_once_per_key(client, user):
    client.force_login(user)
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 3,
        "areas": ["neck"],
        "kind": "stiffness",
        "timing": "day",
    }
    first = client.post(reverse("workouts:pain_new"), data)
    second = client.post(reverse("workouts:pain_new"), data)
    assert PainNote.objects.count() == 1
    assert first.url == second.url


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite takes one writer at a time; the races run on PostgreSQL, as in production",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_with_one_key_save_one_set(user, entry):
    key = str(uuid.uuid4())
    taps = 4
    barrier = threading.Barrier(taps)
    results = []

    def tap():
        client = Client()
        client.force_login(user)
        barrier.wait()
        try:
            results.append(post_set(client, entry, key).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(taps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert SetLog.objects.count() == 1
    assert results == [302] * taps


@pytest.mark.django_db
def test_a_key_of_someone_elses_set_is_refused_by_the_model(entry, other_user):
    theirs = SetLogFactory(entry__session=WorkoutSessionFactory(user=other_user))
    with pytest.raises(KeyInUse):
        entry.log_set(idempotency_key=theirs.idempotency_key, reps=3)
    assert list(entry.sets.all()) == []


@pytest.mark.django_db
def test_a_key_of_someone_elses_note_is_refused_by_the_model(user, other_user):
    theirs = PainNoteFactory(user=other_user)
    with pytest.raises(KeyInUse):
        PainNote.record(
            user=user,
            idempotency_key=theirs.idempotency_key,
            intensity=2,
            timing="day",
            areas=["upper-back-left"],
            kind="ache",
        )
    assert not user.pain_notes.exists()
