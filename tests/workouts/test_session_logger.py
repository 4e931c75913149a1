"""The set table: edit in place, add and remove rows, warm-ups, reordering, the how-to sheet,
the finished summary, suggestions applied, past sessions, and what the session does on a
warning sign."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from tests.workouts.heavy import heavy_history
from tests.workouts.progress_data import finished, logged
from workouts.models import ProgressionTarget, SessionExercise, WorkoutSession

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def entry(user):
    return SessionExerciseFactory(
        session=WorkoutSessionFactory(user=user), planned_sets=3, planned_reps=10
    )


def edit_url(set_log):
    return reverse("workouts:edit_set", args=[set_log.entry_id, set_log.pk])


def test_a_logged_set_opens_in_place_as_its_form(client, user, entry):
    set_log = SetLogFactory(entry=entry, reps=10, weight=20)
    client.force_login(user)
    fragment = client.get(edit_url(set_log), **HTMX).content.decode()
    page = client.get(edit_url(set_log)).content.decode()
    assert fragment.lstrip().startswith(f'<li class="set-row is-editing" id="set-{set_log.pk}-row"')
    assert "<html" not in fragment and "<html" in page
    assert 'name="reps" value="10"' in fragment and 'name="weight" value="20"' in fragment
    assert "data-offline-queue" in fragment and 'name="idempotency_key"' in fragment


def test_editing_a_set_saves_every_value_exactly_and_returns_the_set_table(client, user, entry):
    set_log = SetLogFactory(entry=entry, reps=10, weight=20)
    client.force_login(user)
    data = {"idempotency_key": uuid.uuid4(), "reps": "0", "weight": "22.5", "rpe": "7"}
    response = client.post(edit_url(set_log), data | {"note": " easy "}, **HTMX)
    set_log.refresh_from_db()
    assert (set_log.reps, set_log.weight, set_log.rpe, set_log.note) == (
        0,
        Decimal("22.5"),
        7,
        "easy",
    )
    content = response.content.decode()
    assert content.lstrip().startswith(f'<div class="set-table" id="entry-{entry.pk}-sets"')
    assert "0 reps × 22.5 kg · RPE 7" in content


def test_a_bad_edit_shows_the_message_and_changes_nothing(client, user, entry):
    set_log = SetLogFactory(entry=entry, reps=10)
    client.force_login(user)
    response = client.post(edit_url(set_log), {"reps": "500"}, **HTMX)
    assert response.status_code == 200
    assert "Enter a number from 0 to 100." in response.content.decode()
    set_log.refresh_from_db()
    assert set_log.reps == 10


def test_editing_checks_the_owner(client, other_user, entry):
    set_log = SetLogFactory(entry=entry, reps=10)
    client.force_login(other_user)
    assert client.get(edit_url(set_log)).status_code == 404
    assert client.post(edit_url(set_log), {"reps": "1"}).status_code == 404
    set_log.refresh_from_db()
    assert set_log.reps == 10


def test_a_set_of_another_movement_is_a_404(client, user, entry):
    other = SetLogFactory(entry=SessionExerciseFactory(session=entry.session))
    client.force_login(user)
    url = reverse("workouts:edit_set", args=[entry.pk, other.pk])
    assert client.get(url).status_code == 404


def log(client, entry, **values):
    data = {"idempotency_key": uuid.uuid4()} | values
    return client.post(reverse("workouts:log_set", args=[entry.pk]), data, **HTMX)


def test_a_warm_up_counts_toward_nothing(client, user, entry):
    warm = SetLogFactory(entry=entry, reps=15, weight=5)
    client.force_login(user)
    client.post(edit_url(warm), {"reps": "15", "weight": "5", "is_warmup": "on"})
    log(client, entry, reps=10, weight=20)
    log(client, entry, reps=10, weight=20)
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.PLANNED  # two working sets of three
    content = log(client, entry, reps=10, weight=20).content.decode()
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.DONE
    assert "data-card-done" in content  # the page opens the next movement
    entry.session.finish(minutes=30)
    summary = client.get(entry.session.get_absolute_url()).content.decode()
    assert "<dt>Volume</dt><dd>600 kg</dd>" in summary  # 3 x 10 x 20; the warm-up left out
    assert "<dt>Sets</dt><dd>3</dd>" in summary
    assert "Warm-up:" in summary


def test_rows_are_added_and_removed_but_never_below_what_is_logged(client, user, entry):
    SetLogFactory(entry=entry, reps=10)
    SetLogFactory(entry=entry, reps=10)
    client.force_login(user)
    url = reverse("workouts:plan_sets", args=[entry.pk])
    response = client.post(url, {"count": 4}, **HTMX)
    client.post(url, {"count": 4}, **HTMX)  # a resend changes nothing more
    entry.refresh_from_db()
    assert entry.planned_sets == 4
    assert response.content.decode().count('class="set-row is-planned"') == 1
    client.post(url, {"count": 1}, **HTMX)
    entry.refresh_from_db()
    assert entry.planned_sets == 2
    assert entry.status == SessionExercise.Status.DONE
    assert client.post(url, {"count": "lots"}, follow=True).status_code == 200


def test_movements_can_be_reordered(client, user):
    session = WorkoutSessionFactory(user=user)
    first, second, third = (SessionExerciseFactory(session=session, position=n) for n in range(3))
    client.force_login(user)
    url = reverse("workouts:move_entry", args=[third.pk])
    response = client.post(url, {"position": 0}, **HTMX)
    assert response.content.decode().lstrip().startswith('<div id="entries"')
    assert list(session.entries.order_by("position").values_list("pk", flat=True)) == [
        third.pk,
        first.pk,
        second.pk,
    ]
    other = SessionExerciseFactory()
    client.post(reverse("workouts:move_entry", args=[other.pk]), {"position": 0})
    assert client.post(reverse("workouts:move_entry", args=[other.pk]), {}).status_code == 404


def test_the_how_to_sheet_is_a_fragment_or_a_page(client, user, entry):
    client.force_login(user)
    url = reverse("workouts:how_to", args=[entry.pk])
    fragment = client.get(url, **HTMX).content.decode()
    assert fragment.lstrip().startswith('<article class="how-to">')
    assert entry.exercise.name in fragment
    assert "<html" in client.get(url).content.decode()


def test_every_session_form_can_be_queued_offline(client, user, entry):
    SetLogFactory(entry=entry, reps=10)
    client.force_login(user)
    page = client.get(entry.session.get_absolute_url()).content.decode()
    for action in ("log_set", "plan_sets"):
        url = reverse(f"workouts:{action}", args=[entry.pk])
        assert f'action="{url}"' in page
    import re

    forms = re.findall(r"<form [^>]*method=\"post\"[^>]*>", page)
    session_forms = [f for f in forms if "/ratings/" in f or "/sets/" in f or "/finish/" in f]
    assert len(session_forms) >= 4
    assert all("data-offline-queue" in f for f in session_forms)
    assert page.count('name="idempotency_key"') >= len(session_forms)
    assert '<span class="visually-hidden">Log set 2</span>' in page


def test_a_warning_sign_stops_logging_until_an_explicit_choice(client, user, entry):
    client.force_login(user)
    data = {"idempotency_key": str(uuid.uuid4()), "intensity": 3, "areas": ["chest-ribs-left"]}
    data |= {"kind": "ache", "timing": "during"}
    card = client.post(
        reverse("workouts:entry_pain", args=[entry.pk]), data, **HTMX
    ).content.decode()
    assert "Seek medical help promptly" in card
    assert "Log set" not in card
    assert f'data-stop-timers="{entry.pk}"' in card  # the rest timer stops
    carried_on = client.post(reverse("workouts:resume", args=[entry.pk]), **HTMX).content.decode()
    assert "Log set 1" in carried_on
    assert "Seek medical help promptly" in carried_on  # the advice stays in view


def test_a_finished_session_opens_as_a_summary_with_bests_and_an_edit_button(client, user):
    exercise = ExerciseFactory(name="Zz Row")
    now = timezone.now()
    earlier = finished(user, now - timedelta(days=3))
    logged(earlier, exercise, [{"reps": 10, "weight": 20}])
    today = finished(user, now - timedelta(hours=1), pain_before=3, pain_after=1)
    logged(today, exercise, [{"reps": 10, "weight": 25}, {"reps": 8, "weight": 25}])
    client.force_login(user)
    content = client.get(today.get_absolute_url()).content.decode()
    assert "Bests reached today" in content and "Zz Row</strong>: 25 kg" in content
    assert "<dt>Volume</dt><dd>450 kg</dd>" in content
    assert "<dt>Pain before</dt><dd>3/10</dd>" in content
    assert 'name="reps"' not in content  # read-only
    assert f'href="{today.get_logger_url()}"' in content
    logger = client.get(today.get_logger_url()).content.decode()
    assert "Done editing: back to the summary" in logger
    assert "Log set" in logger or "edit set 1" in logger


def test_the_logger_of_someone_elses_session_is_a_404(client, other_user):
    session = finished(WorkoutSessionFactory().user, timezone.now() - timedelta(hours=1))
    client.force_login(other_user)
    assert client.get(session.get_logger_url()).status_code == 404


def test_an_applied_suggestion_is_the_next_sessions_prefill(client, user):
    exercise = ExerciseFactory(name="Zz Pulldown")
    now = timezone.now()
    for days in (6, 3):
        session = finished(user, now - timedelta(days=days), pain_after=1)
        logged(session, exercise, [{"reps": 10, "weight": 40}] * 3, planned_sets=3, planned_reps=10)
    client.force_login(user)
    summary = client.get(session.get_absolute_url()).content.decode()
    assert "Start Zz Pulldown at 42.5 kg next time" in summary
    client.post(reverse("workouts:apply_suggestion", args=[exercise.pk]), {"next": "/"})
    assert ProgressionTarget.objects.get(user=user).weight == Decimal("42.5")
    routine = RoutineFactory(user=user)
    RoutineItemFactory(routine=routine, exercise=exercise, sets=3, reps=10)
    new, _ = WorkoutSession.start(user, routine=routine)
    entry = new.entries.get()
    page = client.get(new.get_absolute_url()).content.decode()
    assert f'id="entry-{entry.pk}-weight" value="42.5"' in page
    assert "10 reps × 40 kg" in page  # last time, beside it


def test_a_suggestion_cannot_be_forged(client, user):
    exercise = ExerciseFactory()
    client.force_login(user)
    client.post(reverse("workouts:apply_suggestion", args=[exercise.pk]), {"weight": "500"})
    assert not ProgressionTarget.objects.exists()


def test_a_past_session_is_logged_at_the_time_chosen(client, user):
    routine = RoutineFactory(user=user, name="Zz earlier")
    RoutineItemFactory(routine=routine)
    client.force_login(user)
    day = (timezone.localdate() - timedelta(days=2)).isoformat()
    response = client.post(
        reverse("workouts:start_past"), {"routine": routine.pk, "day": day, "time": "07:30"}
    )
    session = WorkoutSession.objects.get(user=user)
    assert response.url == session.get_absolute_url()
    assert timezone.localtime(session.started_at).strftime("%Y-%m-%d %H:%M") == f"{day} 07:30"
    assert session.entries.count() == 1


@pytest.mark.parametrize(
    ("day", "time", "message"),
    [
        (1, "07:30", "That time is still to come"),
        (-400, "07:30", "Pick a date within the last year."),
        ("bad", "07:30", "Enter a date."),
        (-1, "", "Enter the time."),
    ],
)
def test_a_past_session_refuses_a_bad_time(client, user, day, time, message):
    client.force_login(user)
    if day != "bad":
        day = (timezone.localdate() + timedelta(days=day)).isoformat()
    response = client.post(reverse("workouts:start_past"), {"day": day, "time": time})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WorkoutSession.objects.exists()


def test_a_past_session_cannot_use_someone_elses_routine(client, user, other_user):
    theirs = RoutineFactory(user=other_user)
    client.force_login(user)
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("workouts:start_past"), {"routine": theirs.pk, "day": day, "time": "08:00"}
    )
    assert "Choose a routine from the list." in response.content.decode()
    assert not WorkoutSession.objects.exists()


def test_a_set_tap_costs_the_same_queries_however_long_the_history(
    client, user, django_assert_num_queries
):
    exercise = ExerciseFactory()
    now = timezone.now()

    def open_entry():
        session = WorkoutSessionFactory(user=user)
        return SessionExerciseFactory(session=session, exercise=exercise, planned_sets=4)

    logged(finished(user, now - timedelta(days=40)), exercise, [{"reps": 10}] * 3)
    entry = open_entry()
    client.force_login(user)
    log(client, entry, reps=10)  # the profile is made on first use
    # The save (lock, insert, status) and this movement's sets, read under the lock; last time
    # and the target are cached until a session is finished or a target applied. No weight
    # typed: the weights one is matched against are not read.
    with django_assert_num_queries(12):
        response = log(client, entry, reps=10)
    first_size = len(response.content)
    entry.session.finish(minutes=30)
    for days in range(1, 30):
        logged(finished(user, now - timedelta(days=days)), exercise, [{"reps": 10}] * 3)
    entry = open_entry()
    log(client, entry, reps=10)
    with django_assert_num_queries(12):
        response = log(client, entry, reps=10)
    assert abs(len(response.content) - first_size) < 400  # last time shown; the size stays
    entry.session.finish(minutes=30)
    heavy_history(user, [exercise])
    entry = open_entry()
    log(client, entry, reps=10)
    with django_assert_num_queries(12):
        response = log(client, entry, reps=10)
    assert abs(len(response.content) - first_size) < 400
    with django_assert_num_queries(13):  # and the weights logged lately, for a typed weight
        log(client, entry, reps=10, weight="20")


def test_the_summary_costs_the_same_queries_however_long_the_history(
    client, user, django_assert_num_queries
):
    exercise = ExerciseFactory()
    now = timezone.now()
    logged(finished(user, now - timedelta(days=50)), exercise, [{"reps": 10}] * 3)
    session = finished(user, now - timedelta(hours=1))
    logged(session, exercise, [{"reps": 10, "weight": 20}] * 3)
    client.force_login(user)
    client.get(session.get_absolute_url())
    with django_assert_num_queries(13) as first:
        client.get(session.get_absolute_url())
    for days in range(2, 40):
        logged(finished(user, now - timedelta(days=days)), exercise, [{"reps": 10}] * 3)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(session.get_absolute_url())


def test_a_set_tap_returns_under_a_tenth_of_the_page(client, user):
    session = WorkoutSessionFactory(user=user)
    entries = [
        SessionExerciseFactory(session=session, position=n, planned_sets=4, planned_reps=10)
        for n in range(6)
    ]
    client.force_login(user)
    page = client.get(session.get_absolute_url()).content
    fragment = log(client, entries[0], reps=10, weight=20).content
    assert len(fragment) <= len(page) / 10, (len(fragment), len(page))
