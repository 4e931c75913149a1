"""The calendar feed: its settings page, and the .ics read back with icalendar."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from accounts.models import Profile
from routines.models import CalendarFeed, OccurrenceChange
from tests.factories import CalendarFeedFactory, OccurrenceChangeFactory, ScheduledSessionFactory

D = datetime.date
NOW = datetime.datetime(2026, 3, 18, 9, 0, tzinfo=datetime.UTC)  # Wednesday
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def feed_url(feed):
    return reverse("routines:calendar_feed", kwargs={"token": feed.token})


def fetch(client, feed):
    response = client.get(feed_url(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return sorted(calendar.walk("VEVENT"), key=lambda e: str(e["UID"]))


def in_berlin(user):
    profile = Profile.for_user(user)
    profile.time_zone = "Europe/Berlin"
    profile.save()


@pytest.mark.django_db
class TestCalendarSettings:
    def test_it_sends_anonymous_visitors_to_log_in(self, client):
        response = client.get(reverse("routines:calendar"))

        assert response.status_code == 302

    def test_it_offers_to_make_an_address_when_there_is_none(self, client, user):
        client.force_login(user)

        response = client.get(reverse("routines:calendar"))

        assert "Make my calendar address" in response.text
        assert ".ics" not in response.text

    def test_it_makes_an_address_and_shows_it_to_copy(self, client, user):
        client.force_login(user)

        response = client.post(reverse("routines:calendar_regenerate"), follow=True)

        feed = CalendarFeed.objects.get(user=user)
        assert f"http://testserver{feed_url(feed)}" in response.text
        assert "data-copy-target" in response.text
        assert f'href="webcal://testserver{feed_url(feed)}"' in response.text

    def test_it_shows_only_my_own_address(self, client, user, other_user):
        theirs = CalendarFeedFactory(user=other_user)
        client.force_login(user)

        response = client.get(reverse("routines:calendar"))

        assert theirs.token not in response.text

    def test_a_new_address_replaces_the_old_one(self, client, user):
        feed = CalendarFeedFactory(user=user)
        old = feed.token
        client.force_login(user)

        client.post(reverse("routines:calendar_regenerate"))

        feed.refresh_from_db()
        assert feed.token != old
        old_url = reverse("routines:calendar_feed", kwargs={"token": old})
        assert client.get(old_url).status_code == 404
        assert client.get(feed_url(feed)).status_code == 200

    def test_switching_off_makes_the_address_404(self, client, user):
        feed = CalendarFeedFactory(user=user)
        client.force_login(user)

        client.post(reverse("routines:calendar_revoke"))

        assert not CalendarFeed.objects.exists()
        client.logout()
        assert client.get(feed_url(feed)).status_code == 404

    def test_switching_off_leaves_other_peoples_feeds_alone(self, client, user, other_user):
        CalendarFeedFactory(user=user)
        theirs = CalendarFeedFactory(user=other_user)
        client.force_login(user)

        client.post(reverse("routines:calendar_revoke"))

        assert client.get(feed_url(theirs)).status_code == 200

    def test_changes_need_post(self, client, user):
        client.force_login(user)

        assert client.get(reverse("routines:calendar_regenerate")).status_code == 405
        assert client.get(reverse("routines:calendar_revoke")).status_code == 405


@pytest.mark.django_db
class TestCalendarFeed:
    def test_an_unknown_token_is_not_found(self, client):
        response = client.get(reverse("routines:calendar_feed", kwargs={"token": "nope"}))

        assert response.status_code == 404

    def test_it_needs_no_login_and_holds_only_the_feed_owners_sessions(
        self, client, user, other_user
    ):
        mine = ScheduledSessionFactory(user=user, start_date=D(2026, 3, 19))
        ScheduledSessionFactory(user=other_user, start_date=D(2026, 3, 19))
        feed = CalendarFeedFactory(user=user)

        calendar = fetch(client, feed)

        [event] = events(calendar)
        assert str(event["SUMMARY"]) == mine.routine.name
        assert calendar["VERSION"] == "2.0"
        assert "PRODID" in calendar

    def test_timed_sessions_carry_the_users_zone(self, client, user):
        in_berlin(user)
        ScheduledSessionFactory(user=user, start_date=D(2026, 3, 19), time=datetime.time(7, 0))
        feed = CalendarFeedFactory(user=user)

        response = client.get(feed_url(feed))
        [event] = events(Calendar.from_ical(response.content))

        assert b"DTSTART;TZID=Europe/Berlin:20260319T070000" in response.content
        assert event.start == datetime.datetime(2026, 3, 19, 7, 0, tzinfo=BERLIN)
        assert event.end - event.start == datetime.timedelta(minutes=30)
        assert b"BEGIN:VTIMEZONE" in response.content

    def test_sessions_without_a_time_are_all_day_events(self, client, user):
        ScheduledSessionFactory(user=user, start_date=D(2026, 3, 19))
        feed = CalendarFeedFactory(user=user)

        [event] = events(fetch(client, feed))

        assert event.start == D(2026, 3, 19)
        assert event.end == D(2026, 3, 20)

    def test_weekly_plans_are_expanded_within_the_window_with_stable_uids(self, client, user):
        schedule = ScheduledSessionFactory(
            user=user, start_date=D(2026, 1, 5), weekdays="0", time=datetime.time(18)
        )
        feed = CalendarFeedFactory(user=user)

        found = events(fetch(client, feed))
        starts = sorted(e.start.date() for e in found)

        # Two weeks back (from 4 March) to eight weeks ahead (before 13 May).
        assert starts[0] == D(2026, 3, 9)
        assert starts[-1] == D(2026, 5, 11)
        assert len(found) == 10
        assert f"schedule-{schedule.pk}-20260323@midback" in [str(e["UID"]) for e in found]
        assert len({str(e["UID"]) for e in found}) == 10

    def test_a_7am_session_stays_7am_in_berlin_across_the_dst_change(self, client, user):
        in_berlin(user)
        ScheduledSessionFactory(
            user=user, start_date=D(2026, 3, 22), weekdays="6", time=datetime.time(7)
        )
        feed = CalendarFeedFactory(user=user)

        found = sorted(events(fetch(client, feed)), key=lambda e: e.start)[:3]

        assert [e.start.astimezone(BERLIN).hour for e in found] == [7, 7, 7]
        assert [e.start.astimezone(datetime.UTC).hour for e in found] == [6, 5, 5]

    def test_moved_sessions_keep_their_uid_and_skipped_ones_leave(self, client, user):
        schedule = ScheduledSessionFactory(user=user, start_date=D(2026, 3, 16), weekdays="024")
        OccurrenceChange.objects.create(
            schedule=schedule,
            original_date=D(2026, 3, 18),
            new_date=D(2026, 3, 19),
            new_time=datetime.time(12),
        )
        OccurrenceChangeFactory(schedule=schedule, original_date=D(2026, 3, 20), skipped=True)
        feed = CalendarFeedFactory(user=user)

        by_uid = {str(e["UID"]): e for e in events(fetch(client, feed))}

        moved = by_uid[f"schedule-{schedule.pk}-20260318@midback"]
        assert moved.start.replace(tzinfo=None) == datetime.datetime(2026, 3, 19, 12)
        assert f"schedule-{schedule.pk}-20260320@midback" not in by_uid

    def test_an_inactive_users_feed_is_not_found(self, client, user):
        feed = CalendarFeedFactory(user=user)
        user.is_active = False
        user.save()

        assert client.get(feed_url(feed)).status_code == 404
