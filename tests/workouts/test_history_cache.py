"""The history page's list is cached per person and page: every change that shows on it shows
at once, through the paths people (and editors) use."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    SessionExerciseFactory,
    UserFactory,
    WorkoutSessionFactory,
)
from tests.workouts.heavy import heavy_history
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db
URL = reverse("workouts:history")


@pytest.fixture
def row(db):
    return ExerciseFactory(name="Seated row", kind="strength", reps_min=8, reps_max=12)


@pytest.fixture
def entry(user, row):
    session = finished(user, datetime(2026, 11, 30, 3, 30, tzinfo=UTC), minutes=32)
    entry = logged(session, row, [{"reps": 10, "weight": 20}, {"reps": 8, "weight": 20}])
    Profile.for_user(user)
    return entry


def history(client):
    """The session list only (a message above it may name what changed)."""
    return client.get(URL).content.decode().split('<div id="session-list">')[1]


def test_a_second_visit_reads_only_the_session_user_and_profile(
    client, user, django_assert_num_queries
):
    heavy_history(user, ExerciseFactory.create_batch(3))
    Profile.for_user(user)
    client.force_login(user)
    first = client.get(URL, {"page": "2"}).content.decode()

    with django_assert_num_queries(3):
        second = client.get(URL, {"page": "2"}).content.decode()
    with django_assert_num_queries(3):
        fragment = client.get(URL, {"page": "2"}, headers={"HX-Request": "true"}).content.decode()

    def cards(page):
        return page.split('<div id="session-list">')[1].split("</main>")[0]

    assert cards(second) == cards(first)
    assert "Page 2 of 50" in second
    assert fragment.count('class="card history-session"') == 20
    assert "<html" not in fragment


def test_it_is_cached_per_person(client, user, other_user, entry):
    theirs = finished(other_user, timezone.now() - timedelta(days=1))
    logged(theirs, ExerciseFactory(name="Their press"), [{"reps": 5, "weight": 50}])
    Profile.for_user(other_user)
    client.force_login(user)
    assert "Seated row" in history(client)

    client.force_login(other_user)
    content = history(client)

    assert "Their press" in content
    assert "Seated row" not in content


def test_a_logged_and_finished_session_shows_at_once(client, user, entry, row):
    client.force_login(user)
    assert history(client).count('class="card history-session"') == 1
    session = WorkoutSessionFactory(user=user, started_at=timezone.now() - timedelta(minutes=20))
    new = SessionExerciseFactory(session=session, exercise=row)

    client.post(
        reverse("workouts:log_set", args=[new.pk]),
        {"reps": 12, "weight": 25, "idempotency_key": str(uuid.uuid4())},
    )
    client.post(reverse("workouts:finish", args=[session.pk]), {"minutes": 20, "notes": "Easy"})

    content = history(client)
    assert "12 reps × 25 kg" in content
    assert "Easy" in content
    assert content.count('class="card history-session"') == 2


def test_an_edited_or_deleted_set_shows_at_once(client, user, entry):
    client.force_login(user)
    assert "10 reps × 20 kg; 8 reps × 20 kg" in history(client)
    first, second = entry.sets.order_by("logged_at")

    client.post(
        reverse("workouts:edit_set", args=[entry.pk, first.pk]), {"reps": "0", "weight": "22.5"}
    )
    assert "0 reps × 22.5 kg; 8 reps × 20 kg" in history(client)

    client.post(reverse("workouts:delete_set", args=[entry.pk, second.pk]))
    content = history(client)
    assert "0 reps × 22.5 kg" in content
    assert "8 reps" not in content


def test_a_pain_note_and_an_edited_summary_show_at_once(client, user, entry):
    client.force_login(user)
    assert "Ache 3/10" not in history(client)

    data = {"idempotency_key": str(uuid.uuid4()), "intensity": 3, "areas": ["upper-back-left"]}
    client.post(reverse("workouts:entry_pain", args=[entry.pk]), data | {"kind": "ache"})
    assert "Ache 3/10" in history(client)

    session = entry.session
    client.post(reverse("workouts:finish", args=[session.pk]), {"minutes": 45, "feeling": 4})
    assert "45 minutes" in history(client)
    assert "feeling 4/5" in history(client)


def test_a_new_unit_or_time_zone_shows_at_once(client, user, entry):
    client.force_login(user)
    content = history(client)
    assert "10 reps × 20 kg" in content
    assert "03:30" in content
    assert "Monday 30 November 2026" in content
    settings = {"weekly_target": "2", "training_at": "home", "reminder_days": ["0"]}

    client.post(
        reverse("accounts:settings"),
        settings | {"time_zone": "America/New_York", "weight_unit": "lb"},
    )

    content = history(client)
    assert "10 reps × 44.1 lb" in content
    assert "22:30" in content
    assert "Sunday 29 November 2026" in content
    assert " kg" not in content


@override_settings(LANGUAGES=[("en", "English"), ("de", "Deutsch")])
def test_each_language_has_its_own_list(client, user, entry):
    client.force_login(user)
    assert "Monday 30 November 2026" in history(client)

    german = client.get(URL, headers={"Accept-Language": "de"}).content.decode()
    english = client.get(URL, headers={"Accept-Language": "en"}).content.decode()

    assert "November 2026" in german
    assert "Montag" in german
    assert "Monday 30 November 2026" in english


def test_a_movement_renamed_by_an_editor_shows_at_once(client, user, entry, row):
    client.force_login(user)
    assert "Seated row" in history(client)

    row.name = "Seated cable row"
    row.save()

    assert "Seated cable row" in history(client)


def test_a_renamed_or_deleted_routine_shows_at_once(client, user, entry):
    routine = RoutineFactory(user=user, name="Desk break")
    type(entry.session).objects.filter(pk=entry.session_id).update(routine=routine)
    client.force_login(user)
    assert "Desk break" in history(client)

    client.post(
        reverse("routines:rename", args=[routine.pk]),
        {"name": "Lunch break", "purpose": routine.purpose, "description": ""},
    )
    content = history(client)
    assert "Lunch break" in content
    assert "Desk break" not in content

    client.post(reverse("routines:delete", args=[routine.pk]))
    assert "Lunch break" not in history(client)


@pytest.fixture
def staff_client(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    staff_client = Client()
    staff_client.force_login(staff)
    return staff_client


def test_a_set_changed_or_deleted_by_staff_in_the_admin_shows_at_once(
    client, staff_client, user, entry
):
    client.force_login(user)
    assert "10 reps × 20 kg; 8 reps × 20 kg" in history(client)
    first, second = entry.sets.order_by("logged_at")
    local = timezone.localtime(first.logged_at)
    data = {"entry": entry.pk, "reps": "9", "weight": "20", "side": "", "note": ""}
    data |= {"logged_at_0": local.date().isoformat(), "logged_at_1": local.time().isoformat()}

    response = staff_client.post(reverse("admin:workouts_setlog_change", args=[first.pk]), data)
    assert response.status_code == 302
    assert "9 reps × 20 kg; 8 reps × 20 kg" in history(client)

    staff_client.post(reverse("admin:workouts_setlog_delete", args=[second.pk]), {"post": "yes"})
    assert "9 reps × 20 kg</span>" in history(client)
