"""Every session-log view: anonymous people log in first, other people get a 404."""

import pytest
from django.urls import reverse

from tests.factories import (
    PainNoteFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(user):
    session = WorkoutSessionFactory(user=user)
    entry = SessionExerciseFactory(session=session)
    set_log = SetLogFactory(entry=entry)
    note = PainNoteFactory(user=user, session=session, entry=entry, timing="during")
    return {"session": session, "entry": entry, "set": set_log, "note": note}


# (method, url name, which object's pk is in the URL)
VIEWS = [
    ("get", "workouts:session", "session"),
    ("post", "workouts:rate", "session"),
    ("post", "workouts:add_entry", "session"),
    ("post", "workouts:finish", "session"),
    ("get", "workouts:edit", "session"),
    ("post", "workouts:discard", "session"),
    ("post", "workouts:log_set", "entry"),
    ("post", "workouts:undo_set", "entry"),
    ("post", "workouts:skip", "entry"),
    ("post", "workouts:resume", "entry"),
    ("post", "workouts:swap", "entry"),
    ("post", "workouts:entry_pain", "entry"),
    ("get", "workouts:entry_pain", "entry"),
    ("get", "workouts:delete_set", "entry,set"),
    ("post", "workouts:delete_set", "entry,set"),
    ("get", "workouts:pain_note", "note"),
]


def url(name, kind, owned):
    return reverse(name, args=[owned[part].pk for part in kind.split(",")])


def snapshot():
    return (
        list(WorkoutSession.objects.values_list("pk", "finished_at", "pain_before", "notes")),
        list(SessionExercise.objects.values_list("pk", "status", "position")),
        list(SetLog.objects.values_list("pk", "reps")),
        PainNote.objects.count(),
    )


@pytest.mark.parametrize(("method", "name", "kind"), VIEWS)
def test_other_people_get_a_404_and_change_nothing(client, other_user, owned, method, name, kind):
    if name == "workouts:edit":
        owned["session"].finish(minutes=20)
    before = snapshot()
    client.force_login(other_user)
    response = getattr(client, method)(url(name, kind, owned))
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(("method", "name", "kind"), VIEWS)
def test_anonymous_people_are_sent_to_log_in(client, owned, method, name, kind):
    before = snapshot()
    response = getattr(client, method)(url(name, kind, owned))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert snapshot() == before


@pytest.mark.parametrize(("method", "name", "kind"), VIEWS)
def test_the_owner_gets_through(client, user, owned, method, name, kind):
    if name == "workouts:edit":
        owned["session"].finish(minutes=20)
    client.force_login(user)
    response = getattr(client, method)(url(name, kind, owned))
    assert response.status_code in {200, 302}


@pytest.mark.parametrize("name", ["workouts:current", "workouts:pain_new"])
def test_pages_without_an_object_need_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
