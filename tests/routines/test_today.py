import datetime

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Profile
from routines.models import Purpose
from tests.factories import (
    OccurrenceChangeFactory,
    RoutineFactory,
    ScheduledSessionFactory,
    WorkoutSessionFactory,
)

D = datetime.date
NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)  # Wednesday
MON = D(2026, 3, 2)
WED = D(2026, 3, 4)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.django_db
class TestHome:
    def test_anonymous_visitors_get_the_welcome_page(self, client):
        response = client.get(reverse("home"))

        assert response.status_code == 200
        assert [t.name for t in response.templates][0] == "home.html"

    def test_logged_in_people_get_today(self, client, user):
        client.force_login(user)

        response = client.get(reverse("home"))

        assert response.status_code == 200
        assert [t.name for t in response.templates][0] == "routines/today.html"


@pytest.mark.django_db
class TestToday:
    def test_it_sends_anonymous_visitors_to_log_in(self, client):
        response = client.get(reverse("routines:today"))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_it_shows_what_is_due_today_and_what_is_next(self, client, user):
        rows = RoutineFactory(user=user, name="Rows", purpose=Purpose.STRENGTH)
        stretch = RoutineFactory(user=user, name="Stretches", purpose=Purpose.MOBILITY)
        ScheduledSessionFactory(
            user=user, routine=rows, start_date=MON, weekdays="024", time=datetime.time(18)
        )
        ScheduledSessionFactory(user=user, routine=stretch, start_date=D(2026, 3, 5))
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert [o.routine.name for o in response.context["due"]] == ["Rows"]
        assert [(o.date, o.routine.name) for o in response.context["upcoming"]] == [
            (D(2026, 3, 5), "Stretches"),
            (D(2026, 3, 6), "Rows"),
            (D(2026, 3, 9), "Rows"),
        ]
        assert "18:00" in response.text
        assert "4 sessions planned, your target is 3." in response.text

    def test_today_follows_the_users_time_zone(self, client, user):
        profile = Profile.for_user(user)
        profile.time_zone = "Pacific/Auckland"
        profile.save()
        ScheduledSessionFactory(user=user, start_date=D(2026, 3, 5))
        client.force_login(user)

        # 12:00 UTC on Wednesday is 01:00 on Thursday in Auckland.
        with time_machine.travel(datetime.datetime(2026, 3, 4, 12, 0, tzinfo=datetime.UTC)):
            response = client.get(reverse("routines:today"))

        assert response.context["today"] == D(2026, 3, 5)
        assert len(response.context["due"]) == 1

    def test_it_never_shows_someone_elses_sessions(self, client, user, other_user):
        theirs = ScheduledSessionFactory(user=other_user, start_date=WED)
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert response.context["due"] == []
        assert theirs.routine.name not in response.text
        assert "no sessions planned yet" in response.text

    def test_a_rest_day_says_so(self, client, user):
        ScheduledSessionFactory(user=user, start_date=MON, weekdays="0")
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert "a rest day" in response.text

    def test_a_skipped_session_is_shown_as_skipped_and_not_started(self, client, user):
        schedule = ScheduledSessionFactory(user=user, start_date=WED)
        OccurrenceChangeFactory(schedule=schedule, original_date=WED, skipped=True)
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert "Put it back" in response.text
        assert 'name="schedule"' not in response.text

    def test_it_warns_about_the_week_plainly(self, client, user):
        ScheduledSessionFactory(
            user=user,
            routine=RoutineFactory(user=user, purpose=Purpose.STRENGTH),
            start_date=MON,
            weekdays="0",
        )
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert "The program advises two to three a week." in response.text

    def test_a_due_session_has_a_start_button_for_the_log(self, client, user):
        schedule = ScheduledSessionFactory(user=user, start_date=WED)
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert f'action="{reverse("workouts:start")}"' in response.text
        assert f'name="schedule" value="{schedule.pk}"' in response.text
        assert 'name="date" value="2026-03-04"' in response.text

    def test_a_session_already_logged_today_is_marked_done(self, client, user):
        schedule = ScheduledSessionFactory(user=user, start_date=WED)
        WorkoutSessionFactory(
            user=user,
            routine=schedule.routine,
            schedule=schedule,
            scheduled_date=WED,
            started_at=NOW - datetime.timedelta(hours=1),
            finished_at=NOW,
        )
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert response.context["done"] == {schedule.pk}
        assert 'class="tag tag-done"' in response.text
        assert 'name="schedule"' not in response.text
        # Nothing left to move or skip for a session already done.
        assert ">Move<" not in response.text and ">Skip<" not in response.text

    def test_someone_elses_logged_session_does_not_mark_mine_done(self, client, user, other_user):
        schedule = ScheduledSessionFactory(user=user, start_date=WED)
        WorkoutSessionFactory(
            user=other_user, schedule=schedule, scheduled_date=WED, finished_at=NOW
        )
        client.force_login(user)

        response = client.get(reverse("routines:today"))

        assert response.context["done"] == set()

    def test_query_count_does_not_grow_with_plans(self, client, user, django_assert_num_queries):
        for n in range(25):
            schedule = ScheduledSessionFactory(
                user=user, start_date=MON - datetime.timedelta(days=n), weekdays="024"
            )
            OccurrenceChangeFactory(schedule=schedule, original_date=WED)
        Profile.for_user(user)
        client.force_login(user)

        # session, user, profile, plans, their changes, the flare-ups among them, sessions
        # logged today, a flare-up running today, and the two signs of the flare-up suggestion
        with django_assert_num_queries(11):
            response = client.get(reverse("routines:today"))

        assert response.context["week"].count == 50
        assert len(response.context["upcoming"]) == 3
