"""The scheduler enqueues the reminder run every quarter hour; the worker sends the emails."""

import pytest
import time_machine
from apscheduler.triggers.cron import CronTrigger
from crontask import scheduler

import accounts.tasks  # noqa: F401  (registers its schedules, as `manage.py crontask` does)
import routines.tasks
from tests.routines.test_reminders import at, planned_user  # noqa: F401


def schedules():
    return {job.func.__self__.name: job.trigger for job in scheduler.get_jobs()}


def test_reminders_and_the_clean_ups_are_on_the_schedule():
    jobs = schedules()

    assert set(jobs) >= {"send_reminders", "clear_expired_sessions", "prune_finished_tasks"}
    assert all(isinstance(trigger, CronTrigger) for trigger in jobs.values())
    assert str(jobs["send_reminders"].fields[6]) == "*/15"  # the minute field


@pytest.mark.django_db
def test_the_reminder_run_sends_the_days_email_once(planned_user, mailoutbox):  # noqa: F811
    with time_machine.travel(at(7, 5), tick=False):
        first = routines.tasks.send_reminders.enqueue()
        second = routines.tasks.send_reminders.enqueue()

    assert (first.return_value, second.return_value) == (1, 0)
    [email] = mailoutbox
    assert email.to == [planned_user.email]
