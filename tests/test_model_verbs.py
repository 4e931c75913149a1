"""State changes are model verbs that the views call; each keeps the rest as it was."""

import datetime

from routines.scheduling import occurrences
from tests.factories import RoutineFactory, ScheduledSessionFactory, WorkoutSessionFactory

MONDAY = datetime.date(2026, 3, 2)


def plan(user):
    return ScheduledSessionFactory(
        user=user, start_date=MONDAY, weekdays="0", time=datetime.time(7, 30)
    )


def dates(user, start=MONDAY, days=14):
    found = occurrences(user, start, start + datetime.timedelta(days=days), include_skipped=True)
    return [(o.date, o.skipped) for o in found]


def test_moving_a_day_then_skipping_it_then_restoring_it(user):
    schedule = plan(user)
    wednesday = MONDAY + datetime.timedelta(days=2)

    schedule.move_day(MONDAY, wednesday, datetime.time(18, 0))
    assert dates(user) == [(wednesday, False), (MONDAY + datetime.timedelta(days=7), False)]

    schedule.skip_day(MONDAY)
    change = schedule.changes.get()
    assert (change.skipped, change.new_date, change.new_time) == (True, None, None)

    schedule.restore_day(MONDAY)
    assert not schedule.changes.exists()
    assert dates(user) == [(MONDAY, False), (MONDAY + datetime.timedelta(days=7), False)]


def test_moving_the_same_day_twice_keeps_one_change(user):
    schedule = plan(user)
    schedule.move_day(MONDAY, MONDAY + datetime.timedelta(days=1))
    schedule.move_day(MONDAY, MONDAY + datetime.timedelta(days=3))

    assert schedule.changes.get().new_date == MONDAY + datetime.timedelta(days=3)


def test_archiving_and_unarchiving_a_routine(user):
    routine = RoutineFactory(user=user)

    routine.archive()
    routine.refresh_from_db()
    assert routine.is_archived
    assert list(user.routines.archived()) == [routine]

    routine.unarchive()
    routine.refresh_from_db()
    assert not routine.is_archived


def test_rating_pain_keeps_zero_and_touches_only_that_moment(user):
    session = WorkoutSessionFactory(user=user, pain_before=4)

    session.rate_pain("after", 0)
    session.refresh_from_db()

    assert (session.pain_before, session.pain_after) == (4, 0)
