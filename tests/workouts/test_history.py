from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from tests.factories import ExerciseFactory, WorkoutSessionFactory
from tests.workouts.heavy import heavy_history
from tests.workouts.progress_data import finished, logged, pain_note

pytestmark = pytest.mark.django_db
URL = reverse("workouts:history")


def test_it_sends_anonymous_people_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_it_rejects_post(client, user):
    client.force_login(user)

    assert client.post(URL).status_code == 405


def test_it_shows_an_empty_history_kindly(client, user):
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 200
    assert "No finished sessions yet" in response.content.decode()


def test_it_lists_finished_sessions_with_sets_and_notes(client, user):
    row = ExerciseFactory(name="Seated row")
    session = finished(user, timezone.now() - timedelta(days=1), notes="Felt loose today")
    entry = logged(session, row, [{"reps": 10, "weight": 20}, {"reps": 8, "weight": 22.5}])
    pain_note(entry=entry, intensity=4, kind="tightness", areas=["upper-back-left"], text="tight")
    pain_note(session=session, intensity=1, kind="stiffness", timing="after", text="morning")
    client.force_login(user)

    content = client.get(URL).content.decode()

    assert "Seated row" in content
    assert "10 reps × 20 kg" in content
    assert "8 reps × 22.5 kg" in content
    assert "Tightness 4/10" in content
    assert "Stiffness 1/10" in content
    assert "Felt loose today" in content
    assert reverse("workouts:session", args=[session.pk]) in content
    assert reverse("workouts:movement_history", args=[row.slug]) in content


def test_it_leaves_out_the_session_in_progress(client, user):
    WorkoutSessionFactory(user=user, notes="still going")
    client.force_login(user)

    assert "still going" not in client.get(URL).content.decode()


def test_it_shows_only_the_owners_sessions(client, user, other_user):
    finished(user, timezone.now() - timedelta(days=2), notes="owner's session")
    client.force_login(other_user)

    content = client.get(URL).content.decode()

    assert "owner&#x27;s session" not in content
    assert "No finished sessions yet" in content


def _sessions(user, count):
    start = timezone.now() - timedelta(days=count + 1)
    for n in range(count):
        finished(user, start + timedelta(days=n), notes=f"session number {n}")


def test_it_shows_twenty_sessions_a_page_newest_first(client, user):
    _sessions(user, 25)
    client.force_login(user)

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()

    assert first.count('class="card history-session"') == 20
    assert "session number 24" in first
    assert "session number 4" not in first
    assert second.count('class="card history-session"') == 5
    assert "session number 4" in second
    assert "Page 2 of 2" in second


@pytest.mark.parametrize(
    ("page", "expected"),
    [("abc", "Page 1 of 2"), ("0", "Page 2 of 2"), ("-3", "Page 2 of 2"), ("999", "Page 2 of 2")],
)
def test_it_turns_bad_page_numbers_into_a_real_page(client, user, page, expected):
    _sessions(user, 21)
    client.force_login(user)

    response = client.get(URL, {"page": page})

    assert response.status_code == 200
    assert expected in response.content.decode()


def test_it_returns_only_the_list_for_htmx(client, user):
    _sessions(user, 21)
    client.force_login(user)

    response = client.get(URL, {"page": 2}, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "Page 2 of 2" in content
    assert "Vary" in response and "HX-Request" in response["Vary"]


def test_it_returns_the_whole_page_for_a_boosted_request(client, user):
    client.force_login(user)

    response = client.get(URL, headers={"HX-Request": "true", "HX-Boosted": "true"})

    assert "<html" in response.content.decode()


def test_its_query_count_does_not_grow_with_sessions(client, user, django_assert_num_queries):
    exercises = ExerciseFactory.create_batch(3)
    start = timezone.now() - timedelta(days=400)
    for n in range(300):
        session = finished(user, start + timedelta(days=n))
        if n >= 280:
            for exercise in exercises:
                entry = logged(session, exercise, [{"reps": 10, "weight": 5}] * 2)
            pain_note(entry=entry)
            pain_note(session=session)
    Profile.for_user(user)
    client.force_login(user)

    # session, user, profile, count, sessions, movements, sets, pain notes
    with django_assert_num_queries(8):
        response = client.get(URL)

    assert response.content.decode().count('class="card history-session"') == 20
    assert "Page 1 of 15" in response.content.decode()


def test_its_query_count_is_the_same_for_a_person_with_1000_sessions(
    client, user, django_assert_num_queries
):
    heavy_history(user, ExerciseFactory.create_batch(3))
    Profile.for_user(user)
    client.force_login(user)

    for page in ("1", "50"):
        with django_assert_num_queries(8):
            response = client.get(URL, {"page": page})

        content = response.content.decode()
        assert content.count('class="card history-session"') == 20
        assert f"Page {page} of 50" in content
        assert content.count("10 reps × 20 kg; 10 reps × 20 kg") == 60
