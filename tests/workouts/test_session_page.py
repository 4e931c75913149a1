import pytest
from django.urls import reverse

from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from tests.workouts.heavy import heavy_history
from workouts.caching import log_changed
from workouts.models import SessionExercise, WorkoutSession

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_it_shows_the_movements_with_plan_and_last_time(client, user):
    exercise = ExerciseFactory(name="Band pull-apart test")
    old = WorkoutSessionFactory(user=user)
    old_entry = SessionExerciseFactory(session=old, exercise=exercise)
    SetLogFactory(entry=old_entry, reps=12, weight=15)
    old.finish(minutes=30)
    session = WorkoutSessionFactory(user=user)
    SessionExerciseFactory(session=session, exercise=exercise, planned_reps=15)
    client.force_login(user)
    response = client.get(reverse("workouts:session", args=[session.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Band pull-apart test" in content
    assert "3 × 15 reps" in content
    assert "12 reps × 15 kg" in content
    assert "Log set 1" in content


def test_it_checks_the_owner(client, other_user):
    session = WorkoutSessionFactory()
    client.force_login(other_user)
    assert client.get(reverse("workouts:session", args=[session.pk])).status_code == 404


def test_it_asks_anonymous_people_to_log_in(client):
    session = WorkoutSessionFactory()
    response = client.get(reverse("workouts:session", args=[session.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_its_query_count_stays_the_same_as_sessions_grow(client, user, django_assert_num_queries):
    exercises = ExerciseFactory.create_batch(10)

    def session_with_sets(finished):
        session = WorkoutSessionFactory(user=user)
        for position, exercise in enumerate(exercises):
            entry = SessionExerciseFactory(session=session, exercise=exercise, position=position)
            SetLogFactory.create_batch(5, entry=entry, reps=8, weight=20)
        if finished:
            session.finish(minutes=40, pain_after=2)
        return session

    session_with_sets(finished=True)
    session = session_with_sets(finished=False)
    session.routine = RoutineFactory(user=user)
    session.save()
    client.force_login(user)
    url = reverse("workouts:session", args=[session.pk])
    client.get(url)  # the profile is made on first use
    # session + user, the profile, the workout session; the cards are cached HTML until the
    # person's log changes.
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.content.decode().count('class="set-row is-logged"') == 50
    log_changed(user.pk, past=False)  # as every change to the session in progress does
    # Drawn again: also its movements, their sets, their notes; last time and the targets are
    # cached until the person's past changes; the lists for swapping come from the library's.
    with django_assert_num_queries(7):
        client.get(url)
    log_changed(user.pk)  # as finishing a session or applying a target does
    # Also last time (with the targets) and last time's sets.
    with django_assert_num_queries(9):
        client.get(url)
    session.finish(minutes=30)
    heavy_history(user, exercises[:3])
    newest = session_with_sets(finished=False)
    newest_url = reverse("workouts:session", args=[newest.pk])
    client.get(newest_url)
    with django_assert_num_queries(4):
        client.get(newest_url)
    log_changed(user.pk, past=False)
    with django_assert_num_queries(7):
        client.get(newest_url)
    log_changed(user.pk)
    with django_assert_num_queries(9):
        response = client.get(newest_url)
    assert response.content.decode().count('class="set-row is-logged"') == 50


def test_skip_marks_the_movement_with_its_reason(client, user):
    entry = SessionExerciseFactory(session__user=user)
    client.force_login(user)
    response = client.post(
        reverse("workouts:skip", args=[entry.pk]), {"reason": "no-equipment"}, **HTMX
    )
    assert response.status_code == 200
    assert "No equipment" in response.content.decode()
    entry.refresh_from_db()
    assert (entry.status, entry.skip_reason) == (SessionExercise.Status.SKIPPED, "no-equipment")


def test_skip_needs_a_reason(client, user):
    entry = SessionExerciseFactory(session__user=user)
    client.force_login(user)
    response = client.post(reverse("workouts:skip", args=[entry.pk]), {"reason": "bored"}, **HTMX)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == SessionExercise.Status.PLANNED


def test_swap_puts_the_new_movement_right_after_the_skipped_one(client, user):
    session = WorkoutSessionFactory(user=user)
    first = SessionExerciseFactory(session=session, position=0)
    last = SessionExerciseFactory(session=session, position=1)
    other = ExerciseFactory(name="Band row for swap", hold_seconds=None)
    client.force_login(user)
    response = client.post(
        reverse("workouts:swap", args=[first.pk]), {"exercise": other.pk, "reason": "pain"}, **HTMX
    )
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="entries"')
    entries = list(session.entries.all())
    assert [e.exercise for e in entries] == [first.exercise, other, last.exercise]
    assert entries[0].status == SessionExercise.Status.SKIPPED
    assert entries[1].replaces == entries[0]
    assert "Instead of" in response.content.decode()


def test_swap_refuses_an_unpublished_movement(client, user):
    entry = SessionExerciseFactory(session__user=user)
    hidden = ExerciseFactory(is_published=False)
    client.force_login(user)
    response = client.post(
        reverse("workouts:swap", args=[entry.pk]), {"exercise": hidden.pk, "reason": "pain"}
    )
    assert response.status_code == 200
    assert "Choose a movement from the list." in response.content.decode()
    assert entry.session.entries.count() == 1


def test_skip_and_swap_check_the_owner(client, other_user):
    entry = SessionExerciseFactory()
    client.force_login(other_user)
    assert (
        client.post(reverse("workouts:skip", args=[entry.pk]), {"reason": "pain"}).status_code
        == 404
    )
    swap = client.post(
        reverse("workouts:swap", args=[entry.pk]),
        {"exercise": ExerciseFactory().pk, "reason": "pain"},
    )
    assert swap.status_code == 404
    assert client.post(reverse("workouts:resume", args=[entry.pk])).status_code == 404


def test_a_movement_can_be_added_as_you_go(client, user):
    session = WorkoutSessionFactory(user=user)
    SessionExerciseFactory(session=session, position=0)
    exercise = ExerciseFactory(name="Added on the fly", reps_min=5, reps_max=8, sets=2)
    client.force_login(user)
    response = client.post(
        reverse("workouts:add_entry", args=[session.pk]), {"exercise": exercise.pk}
    )
    added = session.entries.last()
    assert response.url == f"{session.get_absolute_url()}#entry-{added.pk}"
    # The low end of the range, as when it is added to a routine (exercises/dose.py).
    assert (added.exercise, added.position, added.planned_sets, added.planned_reps) == (
        exercise,
        1,
        2,
        5,
    )


def test_adding_returns_the_list_for_htmx(client, user):
    session = WorkoutSessionFactory(user=user)
    exercise = ExerciseFactory(name="Added with htmx")
    client.force_login(user)
    response = client.post(
        reverse("workouts:add_entry", args=[session.pk]), {"exercise": exercise.pk}, **HTMX
    )
    assert response.content.decode().lstrip().startswith('<div id="entries"')
    assert "Added with htmx" in response.content.decode()


def test_adding_checks_the_owner(client, other_user):
    session = WorkoutSessionFactory()
    client.force_login(other_user)
    response = client.post(
        reverse("workouts:add_entry", args=[session.pk]), {"exercise": ExerciseFactory().pk}
    )
    assert response.status_code == 404
    assert not session.entries.exists()


def test_finish_records_duration_feeling_pain_and_notes(client, user):
    session = WorkoutSessionFactory(user=user)
    client.force_login(user)
    response = client.post(
        reverse("workouts:finish", args=[session.pk]),
        {"minutes": "35", "feeling": "4", "pain_after": "2", "notes": "Felt loose."},
        follow=True,
    )
    session.refresh_from_db()
    assert not session.is_in_progress
    assert session.duration_minutes == 35
    # Pain after is rated in one place, the 0-10 row; the finish form does not carry it.
    assert (session.feeling, session.pain_after, session.notes) == (4, None, "Felt loose.")
    content = response.content.decode()
    assert "Session finished" in content
    assert "Edit the summary" in content
    assert client.get(reverse("workouts:current")).status_code == 200


def test_finish_refuses_bad_values(client, user):
    session = WorkoutSessionFactory(user=user)
    client.force_login(user)
    response = client.post(
        reverse("workouts:finish", args=[session.pk]), {"minutes": "6000", "feeling": "9"}
    )
    assert response.status_code == 200
    assert "Enter a number from 0 to 600 minutes." in response.content.decode()
    session.refresh_from_db()
    assert session.is_in_progress


def test_finish_checks_the_owner(client, other_user):
    session = WorkoutSessionFactory()
    client.force_login(other_user)
    response = client.post(reverse("workouts:finish", args=[session.pk]), {"minutes": "30"})
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.is_in_progress


def test_a_finished_session_can_be_edited_later(client, user):
    session = WorkoutSessionFactory(user=user)
    session.finish(minutes=30, feeling=3, notes="ok")
    client.force_login(user)
    url = reverse("workouts:edit", args=[session.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'value="30"' in page.content.decode()
    response = client.post(url, {"minutes": "45", "feeling": "5", "notes": "Better than I thought"})
    assert response.url == session.get_absolute_url()
    session.refresh_from_db()
    assert (session.duration_minutes, session.feeling, session.notes) == (
        45,
        5,
        "Better than I thought",
    )


def test_edit_is_for_finished_sessions_of_mine(client, user, other_user):
    open_session = WorkoutSessionFactory(user=user)
    theirs = WorkoutSessionFactory(user=other_user)
    theirs.finish(minutes=10)
    client.force_login(user)
    assert client.get(reverse("workouts:edit", args=[open_session.pk])).status_code == 404
    assert client.get(reverse("workouts:edit", args=[theirs.pk])).status_code == 404


def test_times_show_in_my_time_zone(client, user):
    from datetime import UTC, datetime

    from accounts.models import Profile

    Profile.objects.update_or_create(user=user, defaults={"time_zone": "Europe/Paris"})
    session = WorkoutSessionFactory(user=user, started_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    client.force_login(user)
    content = client.get(reverse("workouts:session", args=[session.pk])).content.decode()
    assert "at 13:00" in content


def test_an_empty_session_started_by_mistake_can_be_cancelled(client, user):
    session = WorkoutSessionFactory(user=user)
    SessionExerciseFactory(session=session)
    client.force_login(user)
    response = client.post(reverse("workouts:discard", args=[session.pk]))
    assert response.url == reverse("workouts:current")
    assert not WorkoutSession.objects.exists()


def test_a_session_with_sets_is_not_cancelled(client, user):
    entry = SessionExerciseFactory(session__user=user)
    SetLogFactory(entry=entry)
    client.force_login(user)
    response = client.post(reverse("workouts:discard", args=[entry.session.pk]), follow=True)
    assert "finish it instead" in response.content.decode()
    assert WorkoutSession.objects.count() == 1


def test_cancel_checks_the_owner(client, other_user):
    session = WorkoutSessionFactory()
    client.force_login(other_user)
    assert client.post(reverse("workouts:discard", args=[session.pk])).status_code == 404
    assert WorkoutSession.objects.count() == 1


def test_a_finished_session_says_which_movements_were_not_done_or_only_partly(client, user):
    session = WorkoutSessionFactory(user=user)
    partly = SessionExerciseFactory(session=session, planned_sets=3)
    SetLogFactory(entry=partly, reps=10)
    SessionExerciseFactory(session=session, planned_sets=3)
    client.force_login(user)
    url = reverse("workouts:session", args=[session.pk])
    page = client.get(url).content.decode()
    assert page.count("0 of 3 sets") == 1 and page.count("1 of 3 sets") == 1

    session.finish(minutes=20)
    content = client.get(url).content.decode()

    assert ">To do</span>" not in content
    assert ">Partly done</span>" in content
    assert ">Not done</span>" in content
