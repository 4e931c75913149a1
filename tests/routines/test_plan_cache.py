"""Today and the week page read a person's plan from the cache (routines/caching.py): the query
counts stay flat however long a person's log, and every change to the plan shows at once."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from care.models import FlareUp
from routines.caching import _csrf_slot
from routines.models import Purpose
from tests.factories import (
    ExerciseFactory,
    OccurrenceChangeFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    SessionExerciseFactory,
    WorkoutSessionFactory,
)
from tests.workouts.heavy import heavy_history
from workouts.models import EntryStatus

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)  # Wednesday
MON = D(2026, 3, 2)
WED = D(2026, 3, 4)
TODAY = reverse("routines:today")
WEEK = reverse("routines:week")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def plan(user):
    routine = RoutineFactory(user=user, name="Rows", purpose=Purpose.STRENGTH)
    return ScheduledSessionFactory(user=user, routine=routine, start_date=MON, weekdays="024")


@pytest.fixture
def person(client, user, plan):
    Profile.for_user(user)
    client.force_login(user)
    return user


def names(response):
    return [o.routine.name for o in response.context["due"]]


class TestQueryCounts:
    # session, user, profile; the plan, the done marks, the flare-up signs and the check-in
    # come from the cache once built
    TODAY_QUERIES = 3
    # session, user, profile
    WEEK_QUERIES = 3

    def test_today_takes_three_queries_once_its_plan_is_cached(
        self, client, person, django_assert_num_queries
    ):
        client.get(TODAY)

        with django_assert_num_queries(self.TODAY_QUERIES):
            response = client.get(TODAY)

        assert names(response) == ["Rows"]
        assert response.context["week"].count == 3

    def test_week_takes_three_queries_once_its_plan_is_cached(
        self, client, person, django_assert_num_queries
    ):
        client.get(WEEK)

        for headers in ({}, {"HX-Request": "true"}):
            with django_assert_num_queries(self.WEEK_QUERIES):
                response = client.get(WEEK, headers=headers)

            assert response.context["week"].count == 3

    def test_the_counts_are_the_same_for_a_person_with_1000_sessions(
        self, client, person, django_assert_num_queries
    ):
        heavy_history(person, ExerciseFactory.create_batch(3))
        client.get(TODAY)
        client.get(WEEK)

        with django_assert_num_queries(self.TODAY_QUERIES):
            today = client.get(TODAY)
        with django_assert_num_queries(self.WEEK_QUERIES):
            week = client.get(WEEK)

        assert names(today) == ["Rows"]
        assert week.context["week"].count == 3

    def test_a_cold_today_for_a_person_with_1000_sessions_takes_no_more_than_a_new_one(
        self, client, person, django_assert_num_queries
    ):
        heavy_history(person, ExerciseFactory.create_batch(3))

        # as tests/routines/test_today.py counts them, before anything is cached
        with django_assert_num_queries(11):
            client.get(TODAY)


class TestInvalidation:
    def test_a_new_plan_shows_at_once(self, client, person):
        client.get(TODAY)
        stretch = RoutineFactory(user=person, name="Stretches", purpose=Purpose.MOBILITY)
        ScheduledSessionFactory(user=person, routine=stretch, start_date=WED)

        assert names(client.get(TODAY)) == ["Rows", "Stretches"]

    def test_a_deleted_plan_is_gone_at_once(self, client, person, plan):
        client.get(WEEK)
        plan.delete()

        assert client.get(WEEK).context["week"].count == 0
        assert "You have no sessions planned yet" in client.get(TODAY).text

    def test_skipping_and_putting_back_show_at_once(self, client, person, plan):
        client.get(TODAY)
        client.get(WEEK)
        day = WED.isoformat()

        client.post(reverse("routines:occurrence_skip", args=[plan.pk, day]))

        assert [o.skipped for o in client.get(TODAY).context["due"]] == [True]
        assert client.get(WEEK).context["week"].count == 2

        client.post(reverse("routines:occurrence_restore", args=[plan.pk, day]))

        assert [o.skipped for o in client.get(TODAY).context["due"]] == [False]
        assert client.get(WEEK).context["week"].count == 3

    def test_a_session_moved_into_today_shows_at_once(self, client, person, plan):
        client.get(TODAY)
        OccurrenceChangeFactory(
            schedule=plan, original_date=MON, skipped=False, new_date=WED, new_time=None
        )

        due = client.get(TODAY).context["due"]

        assert [(o.original_date, o.moved) for o in due] == [(MON, True), (WED, False)]

    def test_renaming_the_routine_shows_at_once(self, client, person, plan):
        client.get(TODAY)

        client.post(
            reverse("routines:rename", args=[plan.routine.pk]),
            {"name": "Rows and holds", "purpose": Purpose.STRENGTH, "description": ""},
        )

        assert names(client.get(TODAY)) == ["Rows and holds"]
        assert "Rows and holds" in client.get(WEEK).text

    def test_archiving_the_routine_takes_it_off_the_plan_at_once(self, client, person, plan):
        client.get(WEEK)

        client.post(reverse("routines:archive", args=[plan.routine.pk]))

        assert client.get(WEEK).context["week"].count == 0

    def test_a_strength_item_in_a_mixed_routine_shows_at_once(self, client, person, plan):
        plan.routine.purpose = Purpose.MIXED
        plan.routine.save()
        assert client.get(WEEK).context["week"].strength_count == 0

        item = RoutineItemFactory(routine=plan.routine, exercise=ExerciseFactory(kind="strength"))

        assert client.get(WEEK).context["week"].strength_count == 3

        item.delete()

        assert client.get(WEEK).context["week"].strength_count == 0

    def test_a_flare_up_pauses_and_ending_it_resumes_at_once(self, client, person):
        client.get(TODAY)
        client.get(WEEK)

        client.post(reverse("care:flare_up"), {"days": 3})

        today = client.get(TODAY)
        assert today.context["flare_up"] is not None
        assert [o.paused for o in today.context["due"]] == [True]
        assert client.get(WEEK).context["week"].paused_count == 2

        client.post(reverse("care:flare_up_end"))

        today = client.get(TODAY)
        assert today.context["flare_up"] is None
        assert [o.paused for o in today.context["due"]] == [False]
        assert not FlareUp.objects.filter(user=person).exists()

    def test_finishing_todays_session_marks_it_done_at_once(self, client, person, plan):
        client.get(TODAY)
        session = WorkoutSessionFactory(
            user=person, routine=plan.routine, schedule=plan, scheduled_date=WED
        )

        session.finish()

        response = client.get(TODAY)
        assert response.context["done"] == {plan.pk}
        assert 'class="tag tag-done"' in response.text

    def test_movements_stopped_for_pain_suggest_a_flare_up_at_once(self, client, person):
        assert client.get(TODAY).context["flare_suggestion"] is None
        session = WorkoutSessionFactory(user=person, started_at=NOW - datetime.timedelta(hours=2))
        SessionExerciseFactory.create_batch(2, session=session, status=EntryStatus.STOPPED)

        session.finish()

        suggestion = client.get(TODAY).context["flare_suggestion"]
        assert suggestion is not None and suggestion.reason == "stops"

    def test_the_suggestion_window_moves_with_the_clock_not_the_cache(self, client, person):
        session = WorkoutSessionFactory(
            user=person, started_at=NOW - datetime.timedelta(days=6, hours=23, minutes=30)
        )
        SessionExerciseFactory.create_batch(2, session=session, status=EntryStatus.STOPPED)
        session.finish()
        assert client.get(TODAY).context["flare_suggestion"].reason == "stops"

        # Within the same hour, the stopped movements fall out of the last seven days.
        with time_machine.travel(NOW + datetime.timedelta(minutes=31), tick=False):
            assert client.get(TODAY).context["flare_suggestion"] is None

    def test_another_persons_change_leaves_my_cached_plan_alone(
        self, client, person, other_user, django_assert_num_queries
    ):
        client.get(TODAY)
        ScheduledSessionFactory(user=other_user, start_date=WED)

        with django_assert_num_queries(TestQueryCounts.TODAY_QUERIES):
            assert names(client.get(TODAY)) == ["Rows"]

    def test_it_is_built_for_the_persons_own_time_zone(self, client, person):
        client.get(TODAY)
        profile = Profile.objects.get(user=person)
        profile.time_zone = "Pacific/Kiritimati"  # UTC+14: already Thursday
        profile.save()

        response = client.get(TODAY)

        assert response.context["today"] == D(2026, 3, 5)
        assert names(response) == []

    def test_a_check_in_shows_on_today_at_once(self, client, person):
        assert client.get(TODAY).context["check_in"]["check_in"] is None

        client.post(reverse("workouts:check_in_rate"), {"rating": 0})

        response = client.get(TODAY)
        assert response.context["check_in"]["check_in"].rating == 0
        assert "Today so far: 0/10." in response.text
        assert 'value="0" class="check-in-button" aria-pressed="true"' in response.text

        client.post(reverse("workouts:check_in_rate"), {"rating": 4})

        assert "Today so far: 4/10." in client.get(TODAY).text


class TestWeekDaysHtml:
    def test_its_forms_carry_a_working_csrf_token_of_each_request(self, user, plan):
        Profile.for_user(user)
        skip = reverse("routines:occurrence_skip", args=[plan.pk, WED.isoformat()])
        restore = reverse("routines:occurrence_restore", args=[plan.pk, WED.isoformat()])
        secrets = []
        for _ in range(2):
            browser = Client(enforce_csrf_checks=True)
            browser.force_login(user)
            page = browser.get(WEEK).text
            form = page.split(f'action="{skip}"')[1]
            token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', form).group(1)
            assert _csrf_slot() not in page

            assert browser.post(skip, {"csrfmiddlewaretoken": token}).status_code == 302
            assert browser.post(restore, {"csrfmiddlewaretoken": token}).status_code == 302
            secrets.append(browser.cookies["csrftoken"].value)

        assert secrets[0] != secrets[1]

    def test_the_days_follow_today_and_the_plan(self, client, person, plan):
        first = client.get(WEEK).text
        assert 'class="week-day is-today"' in first

        with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
            later = client.get(WEEK).text

        assert later.count('class="week-day is-today"') == 1
        assert later != first
        assert "Thursday 5 March" in later.split('class="week-day is-today"')[1][:200]

    def test_todays_start_form_carries_a_working_csrf_token(self, user, plan):
        Profile.for_user(user)
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(user)
        browser.get(TODAY)  # the second view reads the rendered sections from the cache

        page = browser.get(TODAY).text
        form = page.split(f'action="{reverse("workouts:start")}"')[1].split("</form>")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', form).group(1)
        fields = dict(re.findall(r'name="(routine|schedule|date)" value="([^"]+)"', form))

        response = browser.post(reverse("workouts:start"), {**fields, "csrfmiddlewaretoken": token})

        assert _csrf_slot() not in page
        assert response.status_code == 302
        assert user.workout_sessions.filter(schedule=plan, scheduled_date=WED).exists()
