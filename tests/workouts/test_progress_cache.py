import uuid
from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from tests.factories import ExerciseFactory, SessionExerciseFactory, WorkoutSessionFactory
from tests.workouts.heavy import heavy_history
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db
URL = reverse("workouts:progress")


@pytest.fixture
def row(db):
    return ExerciseFactory(name="Seated row", kind="strength", reps_min=8, reps_max=12)


def test_a_second_visit_reads_neither_the_suggestions_nor_the_movements_again(
    client, user, row, django_assert_num_queries
):
    for days in (3, 1):
        session = finished(user, timezone.now() - timedelta(days=days))
        logged(session, row, [{"reps": 10, "weight": 20}] * 3, planned_reps=10, planned_sets=3)
    Profile.for_user(user)
    client.force_login(user)
    first = client.get(URL)

    # session, user, profile: the charts are cached with the log too
    with django_assert_num_queries(3):
        second = client.get(URL)

    assert second.content.decode().count("6 sets") == first.content.decode().count("6 sets") == 1
    assert len(second.context["suggestions"]) == 1


def test_a_person_with_1000_sessions_takes_the_same_queries(
    client, user, django_assert_num_queries
):
    heavy_history(user, ExerciseFactory.create_batch(3, kind="strength"))
    Profile.for_user(user)
    client.force_login(user)

    # as for anyone: session, user, profile, two for the weeks, three for pain, flare-ups,
    # four for the suggestions, movements; then all but the first three are cached
    with django_assert_num_queries(14):
        client.get(URL)
    with django_assert_num_queries(3):
        response = client.get(URL)

    assert (
        response.content.decode().count("2,000 sets") + response.content.decode().count("2000 sets")
        == 3
    )


def test_logging_and_finishing_a_session_shows_at_once(client, user, row):
    earlier = finished(user, timezone.now() - timedelta(days=2))
    logged(earlier, row, [{"reps": 10, "weight": 20}] * 2)
    client.force_login(user)
    assert "2 sets" in client.get(URL).content.decode()
    session = WorkoutSessionFactory(user=user, started_at=timezone.now() - timedelta(minutes=20))
    entry = SessionExerciseFactory(session=session, exercise=row)

    for _ in range(3):
        client.post(
            reverse("workouts:log_set", args=[entry.pk]),
            {"reps": 10, "weight": 20, "idempotency_key": str(uuid.uuid4())},
        )
    client.post(reverse("workouts:finish", args=[session.pk]), {"minutes": 20})

    content = client.get(URL).content.decode()
    assert "5 sets" in content
    assert "2 sets" not in content


def test_a_set_deleted_from_a_finished_session_shows_at_once(client, user, row):
    session = finished(user, timezone.now() - timedelta(days=1))
    entry = logged(session, row, [{"reps": 10, "weight": 20}] * 3)
    client.force_login(user)
    assert "3 sets" in client.get(URL).content.decode()

    last = entry.sets.last()
    client.post(reverse("workouts:delete_set", args=[entry.pk, last.pk]))

    assert "2 sets" in client.get(URL).content.decode()


def test_an_edited_set_shows_at_once(client, user, row):
    session = finished(user, timezone.now() - timedelta(days=1))
    entry = logged(session, row, [{"reps": 10, "weight": 20}] * 2)
    client.force_login(user)
    assert "400 kg lifted in all" in client.get(URL).content.decode()

    first = entry.sets.first()
    client.post(
        reverse("workouts:edit_set", args=[entry.pk, first.pk]), {"reps": "0", "weight": "20"}
    )

    assert "200 kg lifted in all" in client.get(URL).content.decode()


def test_a_new_unit_target_or_time_zone_shows_at_once(client, user, row):
    # Sunday 22:30 in New York is Monday 03:30 in UTC: another week there.
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    started = datetime.combine(monday, time(3, 30), tzinfo=UTC)
    if started > timezone.now():
        started -= timedelta(weeks=1)
        monday -= timedelta(weeks=1)
    session = finished(user, started, minutes=20)
    logged(session, row, [{"reps": 10, "weight": 20}] * 2)
    profile = Profile.for_user(user)
    profile.weekly_target = 2
    profile.save()
    client.force_login(user)
    weeks = client.get(URL, {"weeks": "4"}).context["log"]["stats"]
    assert [w.sessions for w in weeks if w.week == monday] == [1]
    content = client.get(URL).content.decode()
    assert "400 kg lifted in all" in content
    assert "Target: 2 a week" in content

    client.post(
        reverse("accounts:settings"),
        {
            "time_zone": "America/New_York",
            "weight_unit": "lb",
            "weekly_target": "4",
            "training_at": "home",
            "reminder_days": ["0"],
        },
    )

    response = client.get(URL, {"weeks": "4"})
    content = response.content.decode()
    assert "881.8 lb lifted in all" in content
    assert "Target: 4 a week" in content
    weeks = response.context["log"]["stats"]
    assert [w.sessions for w in weeks if w.week == monday - timedelta(weeks=1)] == [1]


def test_a_movement_renamed_by_an_editor_shows_at_once(client, user, row):
    session = finished(user, timezone.now() - timedelta(days=1))
    logged(session, row, [{"reps": 10, "weight": 20}])
    client.force_login(user)
    assert "Seated row" in client.get(URL).content.decode()

    row.name = "Seated cable row"
    row.save()

    assert "Seated cable row" in client.get(URL).content.decode()


def test_it_is_cached_per_person(client, user, other_user, row):
    session = finished(user, timezone.now() - timedelta(days=1))
    logged(session, row, [{"reps": 10, "weight": 20}] * 2)
    client.force_login(user)
    assert "400 kg lifted in all" in client.get(URL).content.decode()

    client.force_login(other_user)
    content = client.get(URL).content.decode()

    assert "Seated row" not in content
    assert "0 kg lifted" not in content
    assert "No sets logged in this period yet." in content


def test_a_check_in_or_a_note_of_the_day_shows_on_the_pain_chart_at_once(client, user, row):
    session = finished(user, timezone.now() - timedelta(days=1), pain_before=3)
    logged(session, row, [{"reps": 10, "weight": 20}])
    client.force_login(user)
    assert not [p for p in client.get(URL).context["pain"] if p.on_day is not None]

    client.post(reverse("workouts:check_in_rate"), {"rating": "6"})

    assert len([p for p in client.get(URL).context["pain"] if p.on_day == 6]) == 1

    client.post(reverse("workouts:check_in_rate"), {"rating": "4"})
    assert [p.on_day for p in client.get(URL).context["pain"] if p.on_day is not None] == [4]

    data = {"idempotency_key": str(uuid.uuid4()), "intensity": 7, "kind": "ache"}
    data |= {"areas": ["upper-back-left"], "timing": "day"}
    client.post(reverse("workouts:pain_new"), data)
    assert sorted(p.on_day for p in client.get(URL).context["pain"] if p.on_day) == [4, 7]


def test_a_flare_up_switched_on_or_off_shows_at_once(client, user, row):
    session = finished(user, timezone.now() - timedelta(days=1))
    logged(session, row, [{"reps": 10, "weight": 20}])
    client.force_login(user)
    assert "legend-flare" not in client.get(URL).content.decode()

    client.post(reverse("care:flare_up"), {"days": "3"})
    assert "legend-flare" in client.get(URL).content.decode()

    client.post(reverse("care:flare_up_end"))
    assert "legend-flare" not in client.get(URL).content.decode()
