"""Flare-up mode: switching it on and off, the paused plan on Today, the week and the .ics
feed, reminders, the gentle routine, and the plan coming back unchanged."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from accounts.models import Profile
from care.flare import GENTLE_HOLD_SECONDS, GENTLE_REPS, GENTLE_SETS, mobility_routine
from care.models import FlareUp
from routines.reminders import send_reminder
from tests.factories import (
    CalendarFeedFactory,
    FlareUpFactory,
    RoutineFactory,
    ScheduledSessionFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
NOW = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)  # Wednesday
WED = D(2026, 3, 4)
FLARE_URL = reverse("care:flare_up")
TODAY_URL = reverse("routines:today")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def plan(user):
    """Strength on Monday, Wednesday and Friday at 18:00; a stretch every day."""
    strength = RoutineFactory(user=user, name="Gym pulls", purpose="strength")
    stretch = RoutineFactory(user=user, name="Morning stretch", purpose="mobility")
    ScheduledSessionFactory(
        user=user,
        routine=strength,
        start_date=D(2026, 3, 2),
        weekdays="024",
        time=datetime.time(18),
    )
    ScheduledSessionFactory(
        user=user, routine=stretch, start_date=D(2026, 3, 2), weekdays="0123456"
    )
    Profile.for_user(user)
    return strength


def switch_on(client, days="7"):
    return client.post(FLARE_URL, {"days": days}, follow=True)


def today_items(response):
    return {(o.routine.name, o.paused) for o in response.context["due"]}


def test_it_needs_a_login(client):
    assert client.get(FLARE_URL).status_code == 302
    assert client.post(FLARE_URL, {"days": "7"}).status_code == 302
    assert not FlareUp.objects.exists()


def test_switching_it_on_pauses_strength_on_today_and_offers_the_gentle_routine(client, user, plan):
    client.force_login(user)

    response = switch_on(client)

    flare = FlareUp.objects.get(user=user)
    assert (flare.started_on, flare.ends_on) == (WED, D(2026, 3, 10))
    assert "Flare-up mode is on until Tuesday 10 March" in response.content.decode()
    assert "7 days left." in response.content.decode()
    today = client.get(TODAY_URL)
    content = today.content.decode()
    assert today_items(today) == {("Gym pulls", True), ("Morning stretch", False)}
    assert "Paused: flare-up" in content
    assert 'Start<span class="visually-hidden"> Gym pulls' not in content
    assert 'Start<span class="visually-hidden"> Morning stretch' in content
    assert "Daily mid-back mobility" in content
    assert "Start the gentle routine" in content
    assert f"hold {GENTLE_HOLD_SECONDS} s" in content


@pytest.mark.parametrize("days", ["2", "15", "0", "-3", "seven", ""])
def test_it_takes_three_to_fourteen_days_and_says_so(client, user, days):
    client.force_login(user)

    response = client.post(FLARE_URL, {"days": days})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Choose between 3 and 14 days." in content or "This field is required." in content
    assert not FlareUp.objects.exists()


@pytest.mark.parametrize("days", ["3", "14"])
def test_the_limits_themselves_are_allowed(client, user, days):
    client.force_login(user)

    switch_on(client, days)

    flare = FlareUp.objects.get()
    assert flare.length_days == int(days)


def test_switching_on_twice_keeps_the_one_running(client, user):
    client.force_login(user)
    switch_on(client, "5")
    switch_on(client, "10")

    assert FlareUp.objects.get().length_days == 5


def test_the_week_shows_paused_sessions_and_does_not_count_them(client, user, plan):
    FlareUpFactory(user=user, started_on=WED, ends_on=D(2026, 3, 10))
    client.force_login(user)

    response = client.get(reverse("routines:week"))

    week = response.context["week"]
    paused = [(day, o.routine.name) for day, items in week.days for o in items if o.paused]
    assert paused == [(WED, "Gym pulls"), (D(2026, 3, 6), "Gym pulls")]
    assert week.count == 8  # 7 stretches and Monday's strength session
    assert week.paused_count == 2
    content = response.content.decode()
    assert "2 strength sessions are paused for your flare-up." in content
    assert "The program advises two to three a week." not in content


def ics_summaries(client, feed):
    response = client.get(reverse("routines:calendar_feed", kwargs={"token": feed.token}))
    calendar = Calendar.from_ical(response.content)
    return {
        (
            e.decoded("dtstart").date()
            if hasattr(e.decoded("dtstart"), "date")
            else e.decoded("dtstart"),
            str(e["SUMMARY"]),
        )
        for e in calendar.walk("VEVENT")
        if "Gym" in str(e["SUMMARY"])
    }


def test_the_calendar_feed_keeps_paused_sessions_marked_as_paused(client, user, plan):
    feed = CalendarFeedFactory(user=user)
    FlareUpFactory(user=user, started_on=WED, ends_on=D(2026, 3, 10))

    summaries = ics_summaries(client, feed)

    assert (D(2026, 3, 2), "Gym pulls") in summaries
    assert (WED, "Paused (flare-up): Gym pulls") in summaries
    assert (D(2026, 3, 6), "Paused (flare-up): Gym pulls") in summaries
    assert (D(2026, 3, 9), "Paused (flare-up): Gym pulls") in summaries
    assert (D(2026, 3, 11), "Gym pulls") in summaries


def test_it_ends_by_itself_and_the_plan_comes_back_unchanged(client, user, plan):
    feed = CalendarFeedFactory(user=user)
    before = ics_summaries(client, feed)
    client.force_login(user)
    switch_on(client, "3")  # Wednesday to Friday

    with time_machine.travel("2026-03-06 10:00Z", tick=False):
        assert today_items(client.get(TODAY_URL)) == {
            ("Gym pulls", True),
            ("Morning stretch", False),
        }
    with time_machine.travel("2026-03-07 10:00Z", tick=False):
        assert client.get(TODAY_URL).context["flare_up"] is None
    with time_machine.travel("2026-03-09 10:00Z", tick=False):
        today = client.get(TODAY_URL)
        assert today_items(today) == {("Gym pulls", False), ("Morning stretch", False)}
        assert (
            "Flare-up mode" not in today.content.decode().split("<main", 1)[1].split("</main>")[0]
        )
    after_flare = {
        (day, name.removeprefix("Paused (flare-up): ")) for day, name in ics_summaries(client, feed)
    }
    assert after_flare == before


def test_ending_it_early_brings_strength_back_today(client, user, plan):
    client.force_login(user)
    with time_machine.travel("2026-03-02 10:00Z", tick=False):
        switch_on(client, "10")

    response = client.post(reverse("care:flare_up_end"), follow=True)

    assert "Flare-up mode is off. Your plan is back as it was." in response.content.decode()
    flare = FlareUp.objects.get()
    assert flare.ended_early_on == WED
    assert flare.last_day == D(2026, 3, 3)
    assert today_items(client.get(TODAY_URL)) == {("Gym pulls", False), ("Morning stretch", False)}


def test_ending_it_on_the_day_it_started_leaves_nothing(client, user, plan):
    client.force_login(user)
    switch_on(client)

    client.post(reverse("care:flare_up_end"))

    assert not FlareUp.objects.exists()


def test_someone_elses_flare_up_pauses_nothing_of_mine(client, user, other_user, plan):
    FlareUpFactory(user=other_user, started_on=WED)
    client.force_login(user)

    assert today_items(client.get(TODAY_URL)) == {("Gym pulls", False), ("Morning stretch", False)}
    client.post(reverse("care:flare_up_end"))
    assert FlareUp.objects.filter(user=other_user).exists()  # ends only the person's own


def test_reminders_leave_out_paused_sessions(user, plan, mailoutbox):
    FlareUpFactory(user=user, started_on=WED)

    assert send_reminder(user, WED)

    [email] = mailoutbox
    assert "Morning stretch" in email.body
    assert "Gym pulls" not in email.body


def test_a_day_with_only_paused_sessions_sends_no_reminder(user, mailoutbox):
    strength = RoutineFactory(user=user, purpose="strength")
    ScheduledSessionFactory(user=user, routine=strength, start_date=WED)
    FlareUpFactory(user=user, started_on=WED)

    assert not send_reminder(user, WED)
    assert mailoutbox == []


def test_the_gentle_routine_starts_with_short_holds_and_one_easy_set(client, user):
    FlareUpFactory(user=user, started_on=WED)
    client.force_login(user)

    response = client.post(reverse("care:flare_up_session"))

    session = user.workout_sessions.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert session.routine == mobility_routine()
    entries = list(session.entries.all())
    assert len(entries) == mobility_routine().items.count()
    assert all(e.planned_sets == GENTLE_SETS for e in entries)
    assert all((e.planned_hold_seconds or 0) <= GENTLE_HOLD_SECONDS for e in entries)
    assert all((e.planned_reps or 0) <= GENTLE_REPS for e in entries)
    assert any(e.planned_hold_seconds == GENTLE_HOLD_SECONDS for e in entries)


def test_the_page_gives_the_flare_up_guidance_and_red_flags(client, user):
    client.force_login(user)

    content = client.get(FLARE_URL).content.decode()

    assert "Keep moving gently" in content
    assert "Stop any movement that makes the pain sharper" in content
    assert "loss of bladder or bowel control" in content
    assert "a chiropractor, a physiotherapist or a doctor" in content
    assert "not a diagnosis" in content
