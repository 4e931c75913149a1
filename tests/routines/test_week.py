import datetime

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Profile
from routines.models import Purpose
from tests.factories import OccurrenceChangeFactory, RoutineFactory, ScheduledSessionFactory

D = datetime.date
# Wednesday 4 March 2026, 23:30 UTC: already Thursday 5 March in Tokyo.
NOW = datetime.datetime(2026, 3, 4, 23, 30, tzinfo=datetime.UTC)
MON = D(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def week(client, headers=None, **params):
    return client.get(reverse("routines:week"), params, headers=headers)


def set_profile(user, **fields):
    profile = Profile.for_user(user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()


@pytest.mark.django_db
class TestWeek:
    def test_it_sends_anonymous_visitors_to_log_in(self, client):
        response = week(client)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_it_shows_this_week_with_my_sessions_by_day(self, client, user):
        routine = RoutineFactory(user=user, name="Band pull-aparts", purpose=Purpose.STRENGTH)
        ScheduledSessionFactory(
            user=user, routine=routine, start_date=MON, weekdays="024", time=datetime.time(7)
        )
        client.force_login(user)

        response = week(client)

        assert response.status_code == 200
        assert "Week of 2 March 2026" in response.text
        days = response.context["week"].days
        assert [day for day, _items in days] == [MON + datetime.timedelta(days=n) for n in range(7)]
        assert [len(items) for _day, items in days] == [1, 0, 1, 0, 1, 0, 0]
        assert response.text.count('class="occurrence-name">Band pull-aparts<') == 3
        assert "07:00" in response.text
        assert "3 sessions planned, your target is 3." in response.text
        assert "3 of them are strength work." in response.text

    def test_it_does_not_show_someone_elses_sessions(self, client, user, other_user):
        theirs = ScheduledSessionFactory(user=other_user, start_date=MON, weekdays="0123456")
        client.force_login(user)

        response = week(client)

        assert theirs.routine.name not in response.text
        assert "0 sessions planned" in response.text

    def test_the_week_follows_the_users_time_zone(self, client, user):
        set_profile(user, time_zone="Asia/Tokyo")
        client.force_login(user)

        response = week(client)

        assert response.context["today"] == D(2026, 3, 5)

    def test_a_sunday_night_in_new_york_is_still_last_week(self, client, user):
        set_profile(user, time_zone="America/New_York")
        client.force_login(user)

        with time_machine.travel(datetime.datetime(2026, 3, 9, 2, 0, tzinfo=datetime.UTC)):
            response = week(client)

        assert response.context["week"].start == MON

    def test_it_counts_against_my_weekly_target(self, client, user):
        set_profile(user, weekly_target=2)
        ScheduledSessionFactory(user=user, start_date=MON, weekdays="03")
        client.force_login(user)

        response = week(client)

        assert "2 sessions planned, your target is 2." in response.text
        assert response.context["week"].target_met

    def test_it_shows_another_week_and_links_either_side(self, client, user):
        client.force_login(user)

        response = week(client, start="2026-03-18")

        assert "Week of 16 March 2026" in response.text
        assert "?start=2026-03-09" in response.text
        assert "?start=2026-03-23" in response.text

    @pytest.mark.parametrize("bad", ["yesterday", "2026-13-01", "9999-01-01", "", "1999-12-01"])
    def test_a_bad_start_shows_this_week_with_a_message(self, client, user, bad):
        client.force_login(user)

        response = week(client, start=bad)

        assert response.status_code == 200
        assert response.context["week"].start == MON
        assert "could not be read" in response.text

    def test_it_warns_plainly_about_back_to_back_strength(self, client, user):
        routine = RoutineFactory(user=user, purpose=Purpose.STRENGTH)
        ScheduledSessionFactory(user=user, routine=routine, start_date=MON, weekdays="012")
        client.force_login(user)

        response = week(client)

        assert "Leave a rest day between them." in response.text

    def test_daily_mobility_brings_no_rest_day_warning(self, client, user):
        stretches = RoutineFactory(user=user, purpose=Purpose.MOBILITY)
        strength = RoutineFactory(user=user, purpose=Purpose.STRENGTH)
        ScheduledSessionFactory(user=user, routine=stretches, start_date=MON, weekdays="0123456")
        ScheduledSessionFactory(user=user, routine=strength, start_date=MON, weekdays="03")
        client.force_login(user)

        response = week(client)

        assert response.context["week"].warnings == []
        assert "Advice for this week" not in response.text

    def test_skipped_sessions_show_marked_and_do_not_count(self, client, user):
        schedule = ScheduledSessionFactory(user=user, start_date=MON, weekdays="024")
        OccurrenceChangeFactory(schedule=schedule, original_date=MON, skipped=True)
        client.force_login(user)

        response = week(client)

        assert "Put it back" in response.text
        assert "2 sessions planned" in response.text

    def test_it_returns_only_the_plan_fragment_for_htmx(self, client, user):
        client.force_login(user)

        response = week(client, start="2026-03-09", headers={"HX-Request": "true"})

        assert response.status_code == 200
        assert "<html" not in response.text
        assert "Week of 9 March 2026" in response.text

    def test_it_answers_boosted_requests_with_the_full_page(self, client, user):
        client.force_login(user)

        response = client.get(
            reverse("routines:week"), headers={"HX-Request": "true", "HX-Boosted": "true"}
        )

        assert "<html" in response.text

    def test_query_count_does_not_grow_with_plans(self, client, user, django_assert_num_queries):
        for n in range(25):
            schedule = ScheduledSessionFactory(
                user=user, start_date=MON - datetime.timedelta(days=n), weekdays="024"
            )
            OccurrenceChangeFactory(schedule=schedule, original_date=D(2026, 3, 4))
        Profile.for_user(user)
        client.force_login(user)

        # session, user, profile, plans, their changes, the flare-ups that week
        with django_assert_num_queries(6):
            response = week(client)

        assert response.context["week"].count == 50
