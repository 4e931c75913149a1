"""Occurrence generation and the rest-day guard, without views."""

import datetime
import zoneinfo
from types import SimpleNamespace

import pytest

from exercises.models import Kind
from routines.models import OccurrenceChange, Purpose
from routines.scheduling import Occurrence, occurrences, rest_day_warnings
from tests.factories import (
    ExerciseFactory,
    OccurrenceChangeFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
)

D = datetime.date
MON = D(2026, 3, 2)  # a Monday
MWF = "024"


def dates(found):
    return [o.date for o in found]


@pytest.mark.django_db
class TestOccurrences:
    def test_a_weekly_plan_repeats_on_its_weekdays_from_its_start(self, user):
        ScheduledSessionFactory(user=user, start_date=D(2026, 3, 4), weekdays=MWF)

        found = occurrences(user, MON, MON + datetime.timedelta(days=14))

        assert dates(found) == [
            D(2026, 3, 4),
            D(2026, 3, 6),
            D(2026, 3, 9),
            D(2026, 3, 11),
            D(2026, 3, 13),
        ]

    def test_a_weekly_plan_has_no_end(self, user):
        ScheduledSessionFactory(user=user, start_date=D(2026, 1, 5), weekdays="0")

        found = occurrences(user, D(2030, 1, 1), D(2030, 1, 8))

        assert dates(found) == [D(2030, 1, 7)]

    def test_a_single_session_appears_once(self, user):
        ScheduledSessionFactory(user=user, start_date=D(2026, 3, 3), time=datetime.time(18, 30))

        assert dates(occurrences(user, MON, D(2026, 3, 9))) == [D(2026, 3, 3)]
        assert occurrences(user, D(2026, 3, 9), D(2026, 3, 16)) == []

    def test_it_only_shows_the_users_own_plans(self, user, other_user):
        ScheduledSessionFactory(user=other_user, start_date=MON, weekdays=MWF)

        assert occurrences(user, MON, D(2026, 3, 9)) == []

    def test_a_skipped_occurrence_disappears_and_the_pattern_stays(self, user):
        schedule = ScheduledSessionFactory(user=user, start_date=MON, weekdays=MWF)
        OccurrenceChangeFactory(schedule=schedule, original_date=D(2026, 3, 4), skipped=True)

        found = occurrences(user, MON, D(2026, 3, 16))

        assert dates(found) == [
            MON,
            D(2026, 3, 6),
            D(2026, 3, 9),
            D(2026, 3, 11),
            D(2026, 3, 13),
        ]

    def test_skipped_occurrences_can_be_listed_marked(self, user):
        schedule = ScheduledSessionFactory(user=user, start_date=MON, weekdays="0")
        OccurrenceChangeFactory(schedule=schedule, original_date=MON, skipped=True)

        [found] = occurrences(user, MON, D(2026, 3, 3), include_skipped=True)

        assert found.skipped

    def test_a_moved_occurrence_shows_on_its_new_date_and_time(self, user):
        schedule = ScheduledSessionFactory(
            user=user, start_date=MON, weekdays=MWF, time=datetime.time(7)
        )
        OccurrenceChange.objects.create(
            schedule=schedule,
            original_date=D(2026, 3, 4),
            new_date=D(2026, 3, 5),
            new_time=datetime.time(19),
        )

        found = occurrences(user, MON, D(2026, 3, 9))

        assert [(o.date, o.time, o.moved) for o in found] == [
            (MON, datetime.time(7), False),
            (D(2026, 3, 5), datetime.time(19), True),
            (D(2026, 3, 6), datetime.time(7), False),
        ]
        assert found[1].original_date == D(2026, 3, 4)

    def test_a_session_moved_into_the_window_from_outside_shows(self, user):
        schedule = ScheduledSessionFactory(user=user, start_date=D(2026, 2, 27))  # single, a Friday
        OccurrenceChange.objects.create(
            schedule=schedule, original_date=D(2026, 2, 27), new_date=D(2026, 3, 3)
        )

        assert dates(occurrences(user, MON, D(2026, 3, 9))) == [D(2026, 3, 3)]
        assert occurrences(user, D(2026, 2, 23), MON) == []

    def test_a_session_moved_out_of_the_window_is_gone_from_it(self, user):
        schedule = ScheduledSessionFactory(user=user, start_date=MON, weekdays="0")
        OccurrenceChange.objects.create(
            schedule=schedule, original_date=MON, new_date=D(2026, 3, 10)
        )

        assert occurrences(user, MON, D(2026, 3, 9)) == []
        assert dates(occurrences(user, D(2026, 3, 9), D(2026, 3, 16))) == [
            D(2026, 3, 9),
            D(2026, 3, 10),
        ]

    def test_a_change_to_a_date_the_plan_does_not_have_is_ignored(self, user):
        schedule = ScheduledSessionFactory(user=user, start_date=MON, weekdays="0")
        OccurrenceChange.objects.create(
            schedule=schedule, original_date=D(2026, 3, 3), new_date=D(2026, 3, 4)
        )

        assert dates(occurrences(user, MON, D(2026, 3, 9))) == [MON]

    def test_archived_routines_leave_the_plan(self, user):
        ScheduledSessionFactory(
            user=user, routine=RoutineFactory(user=user, is_archived=True), start_date=MON
        )

        assert occurrences(user, MON, D(2026, 3, 9)) == []

    def test_occurrences_are_sorted_untimed_first_then_by_time(self, user):
        ScheduledSessionFactory(user=user, start_date=MON, time=datetime.time(18))
        ScheduledSessionFactory(user=user, start_date=MON)
        ScheduledSessionFactory(user=user, start_date=MON, time=datetime.time(7))

        assert [o.time for o in occurrences(user, MON, D(2026, 3, 3))] == [
            None,
            datetime.time(7),
            datetime.time(18),
        ]

    def test_it_takes_three_queries_however_many_plans(self, user, django_assert_num_queries):
        for _ in range(15):
            schedule = ScheduledSessionFactory(user=user, start_date=MON, weekdays=MWF)
            OccurrenceChangeFactory(schedule=schedule, original_date=MON)

        # plans, their changes, the flare-ups in the window
        with django_assert_num_queries(3):
            found = occurrences(user, MON, D(2026, 4, 6), include_skipped=True)
            [o.is_strength for o in found]

        assert len(found) == 15 * 15

    def test_a_7am_session_stays_7am_local_across_the_spring_dst_change(self, user):
        berlin = zoneinfo.ZoneInfo("Europe/Berlin")
        # Sundays; clocks go forward on Sunday 29 March 2026.
        ScheduledSessionFactory(
            user=user, start_date=D(2026, 3, 22), weekdays="6", time=datetime.time(7)
        )

        found = occurrences(user, D(2026, 3, 22), D(2026, 4, 6))
        starts = [o.starts_at(berlin) for o in found]

        assert [s.date() for s in starts] == [D(2026, 3, 22), D(2026, 3, 29), D(2026, 4, 5)]
        assert all(s.hour == 7 for s in starts)
        assert [s.astimezone(datetime.UTC).hour for s in starts] == [6, 5, 5]

    def test_a_7am_session_stays_7am_local_across_the_autumn_dst_change(self, user):
        berlin = zoneinfo.ZoneInfo("Europe/Berlin")
        # Clocks go back on Sunday 25 October 2026.
        ScheduledSessionFactory(
            user=user, start_date=D(2026, 10, 18), weekdays="6", time=datetime.time(7)
        )

        starts = [o.starts_at(berlin) for o in occurrences(user, D(2026, 10, 18), D(2026, 11, 2))]

        assert [(s.day, s.hour) for s in starts] == [(18, 7), (25, 7), (1, 7)]
        assert [s.astimezone(datetime.UTC).hour for s in starts] == [5, 6, 6]

    def test_mixed_routines_count_as_strength_only_with_strength_movements(self, user):
        stretches = RoutineFactory(user=user, purpose=Purpose.MIXED)
        RoutineItemFactory(routine=stretches, exercise=ExerciseFactory(kind=Kind.MOBILITY))
        rows = RoutineFactory(user=user, purpose=Purpose.MIXED)
        RoutineItemFactory(routine=rows, exercise=ExerciseFactory(kind=Kind.STRENGTH))
        ScheduledSessionFactory(user=user, routine=stretches, start_date=MON)
        ScheduledSessionFactory(user=user, routine=rows, start_date=MON)

        by_name = {o.routine.name: o for o in occurrences(user, MON, D(2026, 3, 3))}

        assert by_name[rows.name].is_strength
        assert not by_name[stretches.name].is_strength


def planned(day, purpose=Purpose.STRENGTH, strength_items=False, skipped=False):
    routine = SimpleNamespace(purpose=purpose, name="R")
    schedule = SimpleNamespace(pk=1, routine=routine, has_strength_items=strength_items)
    return Occurrence(schedule, day, day, None, skipped=skipped)


def codes(found, week_start=MON):
    return sorted(w.code for w in rest_day_warnings(found, week_start))


class TestRestDayGuard:
    def test_monday_wednesday_friday_strength_is_fine(self):
        assert codes([planned(MON), planned(D(2026, 3, 4)), planned(D(2026, 3, 6))]) == []

    def test_strength_on_consecutive_days_is_warned_about(self):
        found = [planned(MON), planned(D(2026, 3, 3)), planned(D(2026, 3, 6))]

        [warning] = rest_day_warnings(found, MON)

        assert warning.code == "back-to-back"
        assert "Monday 2 March" in warning.message
        assert "Tuesday 3 March" in warning.message

    def test_two_strength_sessions_on_one_day_are_warned_about(self):
        assert codes([planned(MON), planned(MON), planned(D(2026, 3, 4))]) == ["same-day"]

    def test_fewer_than_two_strength_sessions_is_warned_about(self):
        assert codes([planned(MON)]) == ["too-few"]
        assert codes([]) == ["too-few"]

    def test_more_than_three_strength_sessions_is_warned_about(self):
        days = [MON, D(2026, 3, 4), D(2026, 3, 6), D(2026, 3, 8)]

        assert codes([planned(day) for day in days]) == ["too-many"]

    def test_daily_mobility_is_fine_and_does_not_count(self):
        daily = [planned(MON + datetime.timedelta(days=n), Purpose.MOBILITY) for n in range(7)]
        strength = [planned(MON), planned(D(2026, 3, 5))]

        assert codes(daily + strength) == []

    def test_a_mixed_routine_of_stretches_counts_as_mobility(self):
        found = [
            planned(MON),
            planned(D(2026, 3, 3), Purpose.MIXED, strength_items=False),
            planned(D(2026, 3, 5)),
        ]

        assert codes(found) == []

    def test_a_mixed_routine_with_strength_movements_needs_rest_too(self):
        found = [
            planned(MON),
            planned(D(2026, 3, 3), Purpose.MIXED, strength_items=True),
            planned(D(2026, 3, 5)),
        ]

        assert codes(found) == ["back-to-back"]

    def test_skipped_sessions_do_not_count(self):
        found = [planned(MON), planned(D(2026, 3, 3), skipped=True), planned(D(2026, 3, 5))]

        assert codes(found) == []

    def test_back_to_back_across_the_start_of_the_week_is_caught(self):
        sunday_before = D(2026, 3, 1)
        found = [planned(sunday_before), planned(MON), planned(D(2026, 3, 4))]

        assert codes(found) == ["back-to-back"]

    def test_days_outside_the_week_do_not_count_towards_its_total(self):
        found = [planned(D(2026, 2, 27)), planned(MON), planned(D(2026, 3, 11))]

        assert codes(found) == ["too-few"]
