"""The daily reminder email: sent from 07:00 local time (the default), once per person and day."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command

from accounts.models import Profile
from routines.models import ReminderSent
from routines.reminders import send_due_reminders, send_reminder
from tests.factories import OccurrenceChangeFactory, RoutineFactory, ScheduledSessionFactory

D = datetime.date
WED = D(2026, 3, 4)


def at(hour, minute=0, day=4):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=datetime.UTC)


def wants_reminders(user, zone="UTC", on=True):
    profile = Profile.for_user(user)
    profile.time_zone = zone
    profile.reminders = on
    profile.save()
    return user


def run_command_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("send_reminders", stdout=mock.Mock())


@pytest.fixture
def planned_user(user):
    routine = RoutineFactory(user=user, name="Desk-break rows")
    ScheduledSessionFactory(
        user=user, routine=routine, start_date=D(2026, 3, 2), weekdays="024", time=datetime.time(18)
    )
    return wants_reminders(user)


@pytest.mark.django_db
class TestReminders:
    def test_it_emails_the_days_sessions_once_however_often_cron_runs(
        self, planned_user, mailoutbox
    ):
        run_command_at(at(7, 5))
        run_command_at(at(7, 20))
        run_command_at(at(15, 0))

        [email] = mailoutbox
        assert email.to == [planned_user.email]
        assert "18:00: Desk-break rows" in email.body
        assert email.subject == "Today on Midback: 1 session"
        assert ReminderSent.objects.get().date == WED

    def test_nothing_goes_out_before_seven_local_time(self, planned_user, mailoutbox):
        run_command_at(at(6, 59))

        assert mailoutbox == []
        assert not ReminderSent.objects.exists()

    def test_nothing_goes_out_late_in_the_evening(self, planned_user, mailoutbox):
        run_command_at(at(21, 30))

        assert mailoutbox == []

    def test_it_sends_again_the_next_day(self, planned_user, mailoutbox):
        run_command_at(at(7, 0, day=4))
        run_command_at(at(7, 0, day=5))  # Thursday: nothing planned
        run_command_at(at(7, 0, day=6))

        assert len(mailoutbox) == 2
        assert sorted(ReminderSent.objects.values_list("date", flat=True)) == [WED, D(2026, 3, 6)]

    def test_it_follows_each_persons_time_zone(self, user, other_user, mailoutbox):
        for person, zone in [(user, "Asia/Tokyo"), (other_user, "America/New_York")]:
            ScheduledSessionFactory(user=person, start_date=D(2026, 3, 2), weekdays="0123456")
            wants_reminders(person, zone)

        # 22:00 UTC on Tuesday: 07:00 Wednesday in Tokyo, 17:00 Tuesday in New York.
        run_command_at(at(22, 0, day=3))
        assert [m.to for m in mailoutbox] == [[user.email]]
        assert ReminderSent.objects.get().date == WED

        # 12:00 UTC on Wednesday: 07:00 Wednesday in New York.
        run_command_at(at(12, 0))
        assert [m.to for m in mailoutbox] == [[user.email], [other_user.email]]

    def test_the_off_switch_is_respected(self, planned_user, mailoutbox):
        wants_reminders(planned_user, on=False)

        run_command_at(at(8))

        assert mailoutbox == []

    def test_no_sessions_today_means_no_email(self, user, mailoutbox):
        ScheduledSessionFactory(user=user, start_date=D(2026, 3, 2), weekdays="0")
        wants_reminders(user)

        run_command_at(at(8))

        assert mailoutbox == []
        assert not ReminderSent.objects.exists()

    def test_a_skipped_session_is_not_reminded(self, planned_user, mailoutbox):
        schedule = planned_user.scheduled_sessions.get()
        OccurrenceChangeFactory(schedule=schedule, original_date=WED, skipped=True)

        run_command_at(at(8))

        assert mailoutbox == []

    def test_people_without_an_email_address_are_left_out(self, planned_user, mailoutbox):
        planned_user.email = ""
        planned_user.save()

        run_command_at(at(8))

        assert mailoutbox == []

    def test_overlapping_workers_send_once(self, planned_user, mailoutbox):
        # Two workers that both decided this person is due: the second insert loses.
        with time_machine.travel(at(8), tick=False):
            first = send_reminder(planned_user, WED)
            second = send_reminder(planned_user, WED)

        assert (first, second) == (True, False)
        assert len(mailoutbox) == 1

    def test_a_worker_that_read_stale_state_still_sends_nothing(self, planned_user, mailoutbox):
        with time_machine.travel(at(8), tick=False):
            send_reminder(planned_user, WED)
            # As if this run had checked before the first one committed.
            with mock.patch.object(ReminderSent.objects, "filter") as already:
                already.return_value.values_list.return_value = []
                sent = send_due_reminders()

        assert sent == 0
        assert len(mailoutbox) == 1

    def test_a_failed_send_is_retried_on_the_next_run(self, planned_user, mailoutbox):
        with (
            mock.patch("routines.reminders.EmailMessage.send", side_effect=OSError("SMTP down")),
            pytest.raises(OSError),
        ):
            run_command_at(at(7, 0))

        assert not ReminderSent.objects.exists()

        run_command_at(at(7, 15))

        assert len(mailoutbox) == 1

    def test_the_email_links_to_today_when_the_site_address_is_set(
        self, planned_user, mailoutbox, settings
    ):
        settings.SITE_URL = "https://midback.example.org/"

        run_command_at(at(8))

        assert "https://midback.example.org/routines/today/" in mailoutbox[0].body

    def test_the_email_has_no_link_without_a_site_address(self, planned_user, mailoutbox, settings):
        settings.SITE_URL = ""

        run_command_at(at(8))

        assert "http" not in mailoutbox[0].body
