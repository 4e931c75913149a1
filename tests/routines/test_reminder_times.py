"""Reminders at each person's own time and days; none for a session already done; and the
one-click link that switches a reminder off without logging in."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import Profile
from routines.reminders import unsubscribe_token
from tests.factories import RoutineFactory, ScheduledSessionFactory, WorkoutSessionFactory
from workouts.models import CheckIn

pytestmark = pytest.mark.django_db
D = datetime.date
WED = D(2026, 3, 4)


def utc(day, hour, minute=0):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=datetime.UTC)


def run_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("send_reminders", stdout=mock.Mock())


def plan(user, name="Rows", weekdays="0123456"):
    routine = RoutineFactory(user=user, name=name)
    return ScheduledSessionFactory(
        user=user, routine=routine, start_date=D(2026, 3, 2), weekdays=weekdays
    )


def set_reminders(user, zone="UTC", **values):
    profile = Profile.for_user(user)
    profile.time_zone = zone
    for name, value in ({"reminders": True} | values).items():
        setattr(profile, name, value)
    profile.save()
    return profile


def test_each_person_gets_it_at_their_own_time_in_their_own_zone(user, other_user, mailoutbox):
    plan(user)
    plan(other_user)
    set_reminders(user, "Asia/Tokyo", reminder_time=datetime.time(6, 30))
    set_reminders(other_user, "America/New_York", reminder_time=datetime.time(19, 0))

    run_at(utc(3, 21, 15))  # 06:15 Wednesday in Tokyo: not yet
    assert mailoutbox == []
    run_at(utc(3, 21, 30))  # 06:30 Wednesday in Tokyo; 16:30 Tuesday in New York
    assert [m.to for m in mailoutbox] == [[user.email]]
    run_at(utc(4, 0, 0))  # 19:00 Tuesday in New York
    assert [m.to for m in mailoutbox] == [[user.email], [other_user.email]]
    run_at(utc(4, 0, 15))
    assert len(mailoutbox) == 2


def test_a_run_long_after_the_time_sends_nothing_that_day(user, mailoutbox):
    plan(user)
    set_reminders(user, reminder_time=datetime.time(7, 0))
    run_at(utc(4, 9, 0))
    assert mailoutbox == []


def test_only_on_the_chosen_days(user, mailoutbox):
    plan(user)
    # Thursday and Friday only (bits 3 and 4).
    set_reminders(user, reminder_time=datetime.time(7, 0), reminder_days=0b0011000)
    run_at(utc(4, 7, 0))  # Wednesday
    assert mailoutbox == []
    run_at(utc(5, 7, 0))  # Thursday
    assert len(mailoutbox) == 1


def test_no_reminder_for_a_session_already_done(user, mailoutbox):
    schedule = plan(user)
    set_reminders(user, reminder_time=datetime.time(18, 0))
    WorkoutSessionFactory(
        user=user,
        schedule=schedule,
        scheduled_date=WED,
        started_at=utc(4, 8),
        finished_at=utc(4, 9),
    )
    run_at(utc(4, 18, 0))
    assert mailoutbox == []


def test_a_done_session_leaves_only_the_others_in_the_email(user, mailoutbox):
    done = plan(user, "Morning stretch")
    plan(user, "Evening rows")
    set_reminders(user, reminder_time=datetime.time(12, 0))
    WorkoutSessionFactory(
        user=user, schedule=done, scheduled_date=WED, started_at=utc(4, 8), finished_at=utc(4, 9)
    )
    run_at(utc(4, 12, 0))
    [email] = mailoutbox
    assert "Evening rows" in email.body and "Morning stretch" not in email.body
    assert email.subject == "Today on Midback: 1 session"


def test_the_check_in_reminder_comes_at_its_own_time_unless_already_checked_in(
    user, mailoutbox, settings
):
    settings.SITE_URL = "https://midback.example.org"
    set_reminders(
        user,
        "Europe/Berlin",
        reminders=False,
        check_in_reminders=True,
        check_in_time=datetime.time(20, 30),
    )
    run_at(utc(4, 19, 15))  # 20:15 in Berlin
    assert mailoutbox == []
    run_at(utc(4, 19, 30))
    [email] = mailoutbox
    assert email.subject == "How is your back today?"
    assert "https://midback.example.org/sessions/check-in/" in email.body

    CheckIn.objects.create(user=user, day=D(2026, 3, 5), rating=2)
    run_at(utc(5, 19, 30))
    assert len(mailoutbox) == 1


def test_settings_save_the_times_and_days(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"),
        {
            "time_zone": "Europe/Berlin",
            "weight_unit": "kg",
            "weekly_target": 3,
            "training_at": "home",
            "reminders": "on",
            "reminder_time": "06:45",
            "reminder_days": ["0", "2", "4"],
            "check_in_reminders": "on",
            "check_in_time": "21:00",
            "check_in_days": ["5", "6"],
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.reminder_time, profile.reminder_days) == (datetime.time(6, 45), 0b0010101)
    assert (profile.check_in_time, profile.check_in_days) == (datetime.time(21, 0), 0b1100000)
    page = client.get(reverse("accounts:settings")).content.decode()
    assert 'value="06:45"' in page


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"reminder_time": "25:00"}, "Enter a time such as 07:30."),
        ({"reminder_days": []}, "Choose at least one day, or switch this reminder off."),
        ({"reminder_days": ["9"]}, "Select a valid choice."),
    ],
)
def test_bad_reminder_settings_are_explained(client, user, values, message):
    client.force_login(user)
    data = {
        "time_zone": "UTC",
        "weight_unit": "kg",
        "weekly_target": 3,
        "training_at": "home",
        "reminders": "on",
        "reminder_time": "07:00",
        "reminder_days": ["0"],
        "check_in_time": "20:00",
    } | values
    response = client.post(reverse("accounts:settings"), data)
    assert response.status_code == 200
    assert message in response.content.decode()


# The unsubscribe link ---------------------------------------------------------------------


@pytest.fixture
def reminded(user, settings, mailoutbox):
    settings.SITE_URL = "https://midback.example.org"
    plan(user)
    set_reminders(user, reminder_time=datetime.time(7, 0), check_in_reminders=True)
    run_at(utc(4, 7, 0))
    [email] = mailoutbox
    return email


def link_path(email):
    header = email.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://midback.example.org/") and header.endswith(">")
    path = header[1:-1].removeprefix("https://midback.example.org")
    assert f"https://midback.example.org{path}" in email.body
    return path


def test_every_reminder_has_the_one_click_header_and_link(reminded):
    assert reminded.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link_path(reminded).startswith("/routines/reminders/stop/")


def test_the_link_asks_then_one_post_switches_off_only_that_reminder(reminded, user):
    path = link_path(reminded)
    browser = Client(enforce_csrf_checks=True)  # not logged in, no cookie: as a mail app posts
    page = browser.get(path)
    assert page.status_code == 200 and "Stop these emails" in page.content.decode()
    assert Profile.objects.get(user=user).reminders  # looking changes nothing

    done = browser.post(path, {"List-Unsubscribe": "One-Click"})

    assert done.status_code == 200
    assert "no more session reminders" in done.content.decode()
    profile = Profile.objects.get(user=user)
    assert (profile.reminders, profile.check_in_reminders) == (False, True)
    assert browser.post(path).status_code == 200  # a repeat is fine


def test_a_tampered_link_changes_nothing(reminded, user, client):
    path = link_path(reminded)
    token = path.rstrip("/").rsplit("/", 1)[1]
    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "nonsense", "a" * 500):
        response = client.post(reverse("routines:unsubscribe", args=[bad]))
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    assert Profile.objects.get(user=user).reminders


def test_a_link_only_ever_switches_off_its_own_person(reminded, user, other_user, client):
    theirs = set_reminders(other_user)
    client.force_login(other_user)  # someone else, logged in, opening this person's link

    client.post(link_path(reminded))

    assert Profile.objects.get(user=user).reminders is False
    theirs.refresh_from_db()
    assert theirs.reminders is True


def test_a_token_names_one_person_and_one_kind(user, other_user):
    assert unsubscribe_token(user, "session") != unsubscribe_token(other_user, "session")
    assert unsubscribe_token(user, "session") != unsubscribe_token(user, "check-in")
