"""A change queued on the phone is replayed as the same form post; the answer says what
became of it (sent, refused with the reason, log in again, try later)."""

import uuid

import pytest
from django.urls import reverse

from tests.factories import SessionExerciseFactory, WorkoutSessionFactory
from workouts.models import PainNote, SetLog

REPLAY = {"HTTP_MIDBACK_OFFLINE_REPLAY": "1"}


@pytest.fixture
def entry(user):
    return SessionExerciseFactory(session=WorkoutSessionFactory(user=user))


def replay_set(client, entry, key, **values):
    data = {"idempotency_key": key, "reps": 10, "weight": "20"} | values
    return client.post(reverse("workouts:log_set", args=[entry.pk]), data, **REPLAY)


@pytest.mark.django_db
def test_a_replayed_set_is_sent_once_whatever_the_resends(client, user, entry):
    client.force_login(user)
    key = str(uuid.uuid4())
    answers = [replay_set(client, entry, key).json() for _ in range(3)]
    assert answers == [{"state": "sent"}] * 3
    saved = SetLog.objects.get()
    assert (saved.reps, saved.weight, str(saved.idempotency_key)) == (10, 20, key)


@pytest.mark.django_db
def test_zero_comes_back_as_zero(client, user, entry):
    client.force_login(user)
    replay_set(client, entry, str(uuid.uuid4()), reps=0, weight="0")
    assert (SetLog.objects.get().reps, SetLog.objects.get().weight) == (0, 0)


@pytest.mark.django_db
def test_it_refuses_bad_values_with_the_page_reason(client, user, entry):
    client.force_login(user)
    answer = replay_set(client, entry, str(uuid.uuid4()), reps="many").json()
    assert answer["state"] == "refused"
    # The set row's own message, as the session page shows it beside the field.
    assert "Reps: Enter a number from 0 to 100." in answer["reason"]
    # The hidden "check your connection" message of the form is not a reason.
    assert "connection" not in answer["reason"]
    assert not SetLog.objects.exists()


@pytest.mark.django_db
def test_it_refuses_someone_elses_movement(client, other_user, entry):
    client.force_login(other_user)
    answer = replay_set(client, entry, str(uuid.uuid4())).json()
    assert answer["state"] == "refused"
    assert "no longer there" in answer["reason"]
    assert not SetLog.objects.exists()


@pytest.mark.django_db
def test_it_asks_to_log_in_again_when_the_session_has_ended(client, entry):
    answer = replay_set(client, entry, str(uuid.uuid4())).json()
    assert answer == {"state": "login"}
    assert not SetLog.objects.exists()


@pytest.mark.django_db
def test_a_stale_csrf_token_is_tried_again_later_not_refused(user, entry):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    answer = replay_set(client, entry, str(uuid.uuid4()), csrfmiddlewaretoken="x" * 64).json()
    assert answer == {"state": "retry"}


@pytest.mark.django_db
def test_a_pain_note_and_a_finish_are_sent_and_the_confirmation_stays(client, user, entry):
    client.force_login(user)
    note = {
        "idempotency_key": str(uuid.uuid4()),
        "timing": "during",
        "intensity": 0,
        "areas": ["upper-back-left", "upper-back-right"],
        "kind": "stiffness",
    }
    url = reverse("workouts:entry_pain", args=[entry.pk])
    assert client.post(url, note, **REPLAY).json() == {"state": "sent"}
    assert client.post(url, note, **REPLAY).json() == {"state": "sent"}
    saved = PainNote.objects.get()
    assert (saved.intensity, saved.areas) == (0, ["upper-back-left", "upper-back-right"])

    finish = reverse("workouts:finish", args=[entry.session.pk])
    answer = client.post(finish, {"minutes": 0, "notes": ""}, **REPLAY).json()
    assert answer == {"state": "sent"}
    entry.session.refresh_from_db()
    assert entry.session.duration_minutes == 0
    # The "well done" is kept for the next page the person opens.
    page = client.get(entry.session.get_absolute_url())
    assert "Session finished. Well done." in page.text


@pytest.mark.django_db
def test_a_change_to_a_cancelled_session_is_refused_with_the_reason(client, user, entry):
    client.force_login(user)
    rate = reverse("workouts:rate", args=[entry.session.pk])
    entry.session.delete()
    answer = client.post(rate, {"moment": "before", "rating": 3}, **REPLAY).json()
    assert answer["state"] == "refused"


@pytest.mark.django_db
def test_a_warning_from_the_view_is_the_reason(client, user, entry, monkeypatch):
    from workouts.models import SessionGone, WorkoutSession

    def gone(self):
        raise SessionGone

    client.force_login(user)
    monkeypatch.setattr(WorkoutSession, "held", gone)
    answer = replay_set(client, entry, str(uuid.uuid4())).json()
    assert answer == {
        "state": "refused",
        "reason": "This session was cancelled, so nothing more was saved in it.",
    }


@pytest.mark.django_db
def test_without_the_header_the_form_answers_as_before(client, user, entry):
    client.force_login(user)
    data = {"idempotency_key": str(uuid.uuid4()), "reps": 10}
    response = client.post(reverse("workouts:log_set", args=[entry.pk]), data)
    assert response.status_code == 302
