"""Changes to one session racing each other: they serialise on the session's row.

Real concurrent requests, each thread on its own database connection, so PostgreSQL only
(SQLite takes one writer at a time). MIDBACK_RACES sets how
many races each test runs (a handful by default; 100 to check the rate).
"""

import os
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import ExerciseFactory
from workouts.models import PainNote, SetLog, WorkoutSession

RACES = int(os.environ.get("MIDBACK_RACES", "5"))

pytestmark = [
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite takes one writer at a time; the races run on PostgreSQL, as in production",
    ),
    pytest.mark.django_db(transaction=True),
]


def logged_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def race(*requests):
    """Send the requests at the same moment; their responses, in order."""
    barrier = threading.Barrier(len(requests))
    responses = [None] * len(requests)

    def send(index, request):
        barrier.wait()
        try:
            responses[index] = request()
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(index, request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def open_session(user):
    for earlier in WorkoutSession.objects.filter(user=user).in_progress():
        earlier.finish(minutes=1)
    session, _created = WorkoutSession.start(user)
    return session, session.add_exercise(ExerciseFactory())


def discard(client, session):
    return lambda: client.post(reverse("workouts:discard", args=[session.pk]))


def cancelled(response):
    return response.status_code == 302 and response.url == reverse("workouts:current")


def refused(response):
    """Came after the cancel: either held back by the lock and told so, or sent after the
    cancel had finished, when the movement is gone (htmx then says "no longer in your session")."""
    return cancelled(response) or response.status_code == 404


@pytest.mark.parametrize("attempt", range(RACES))
def test_a_set_answered_saved_survives_a_racing_cancel(user, attempt):
    tapping, cancelling = logged_in(user), logged_in(user)
    session, entry = open_session(user)
    url = reverse("workouts:log_set", args=[entry.pk])
    data = {"idempotency_key": str(uuid.uuid4()), "reps": 10}

    logged, discarded = race(lambda: tapping.post(url, data), discard(cancelling, session))

    assert discarded.status_code == 302
    if cancelled(discarded):
        # The cancel won: the set was refused, with a message on the start page.
        assert refused(logged)
        assert not WorkoutSession.objects.filter(pk=session.pk).exists()
        assert not SetLog.objects.exists()
        if logged.status_code == 302:
            page = tapping.get(logged.url).content.decode()
            assert "This session was cancelled, so nothing more was saved in it." in page
    else:
        # The set won: it is there, and the session was kept.
        assert logged.url == f"{session.get_absolute_url()}#entry-{entry.pk}"
        assert discarded.url == session.get_absolute_url()
        assert SetLog.objects.filter(entry=entry, reps=10).count() == 1


@pytest.mark.parametrize("attempt", range(RACES))
def test_a_pain_note_answered_saved_survives_a_racing_cancel(user, attempt):
    noting, cancelling = logged_in(user), logged_in(user)
    session, entry = open_session(user)
    url = reverse("workouts:entry_pain", args=[entry.pk])
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "intensity": 2,
        "areas": ["between-shoulder-blades"],
        "kind": "stiffness",
        "timing": "during",
    }

    noted, discarded = race(lambda: noting.post(url, data), discard(cancelling, session))

    assert discarded.status_code == 302
    if cancelled(discarded):
        assert refused(noted)
        assert not PainNote.objects.exists()
    else:
        assert PainNote.objects.filter(entry=entry, intensity=2).count() == 1
        assert WorkoutSession.objects.filter(pk=session.pk).exists()


@pytest.mark.parametrize("attempt", range(RACES))
def test_finishing_and_cancelling_at_once_never_fail(user, attempt):
    finishing, cancelling = logged_in(user), logged_in(user)
    session, _entry = open_session(user)
    url = reverse("workouts:finish", args=[session.pk])

    finished, discarded = race(
        lambda: finishing.post(url, {"minutes": 20, "notes": "steady"}),
        discard(cancelling, session),
    )

    assert discarded.status_code == 302
    if cancelled(discarded):
        assert refused(finished)
        assert not WorkoutSession.objects.filter(pk=session.pk).exists()
    else:
        session.refresh_from_db()
        assert session.notes == "steady" and not session.is_in_progress
