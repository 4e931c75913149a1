from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import PainNoteFactory, WorkoutSessionFactory
from workouts import safety
from workouts.models import PainNote

NOW = timezone.now()


def note(**values):
    return PainNote(
        **{"intensity": 2, "areas": ["upper-back-left"], "kind": "ache", "timing": "during"}
        | values
    )


@pytest.mark.parametrize(
    ("values", "stop"),
    [
        ({"kind": "sharp", "intensity": 3}, True),
        ({"kind": "shooting", "intensity": 1}, True),
        ({"kind": "ache", "intensity": 7}, True),
        ({"kind": "stiffness", "intensity": 10}, True),
        ({"kind": "ache", "intensity": 6}, False),
        ({"kind": "sharp", "timing": "after"}, False),
        ({"kind": "ache", "intensity": 8, "timing": "day"}, False),
    ],
)
def test_stop_guidance_is_for_sharp_or_strong_pain_during_a_movement(values, stop):
    assert safety.calls_for_stop(note(**values)) is stop


@pytest.mark.parametrize(
    ("values", "flags"),
    [
        ({"kind": "numbness"}, ["numbness or tingling"]),
        ({"areas": ["chest-ribs-left"]}, ["pain in the chest or ribs"]),
        ({"after_fall": True}, ["pain after a fall or accident"]),
        ({"kind": "ache", "intensity": 9}, []),
        ({"kind": "stiffness", "timing": "day"}, []),
    ],
)
def test_red_flags(values, flags):
    assert [str(flag) for flag in safety.red_flags(note(**values))] == flags


def test_a_mild_ache_needs_no_guidance():
    assert not safety.guidance_for(note(kind="ache", intensity=2))


def rated_session(user, days_ago, before, after):
    started = NOW - timedelta(days=days_ago)
    return WorkoutSessionFactory(
        user=user,
        started_at=started,
        finished_at=started + timedelta(minutes=30),
        pain_before=before,
        pain_after=after,
    )


@pytest.mark.django_db
def test_two_weeks_of_sessions_ending_worse_suggest_a_professional(user):
    rated_session(user, 12, 2, 4)
    rated_session(user, 9, 3, 4)
    rated_session(user, 3, 3, 5)
    assert safety.pain_is_worsening(user, now=NOW)


@pytest.mark.django_db
def test_one_bad_week_is_not_two(user):
    rated_session(user, 3, 2, 5)
    rated_session(user, 2, 2, 6)
    assert not safety.pain_is_worsening(user, now=NOW)


@pytest.mark.django_db
def test_a_better_week_breaks_the_run(user):
    rated_session(user, 10, 2, 5)
    rated_session(user, 3, 5, 2)
    assert not safety.pain_is_worsening(user, now=NOW)


@pytest.mark.django_db
def test_sessions_older_than_two_weeks_do_not_count(user):
    rated_session(user, 20, 2, 6)
    rated_session(user, 3, 2, 6)
    assert not safety.pain_is_worsening(user, now=NOW)


@pytest.mark.django_db
def test_notes_before_and_after_stand_in_for_missing_ratings(user):
    earlier = rated_session(user, 10, None, None)
    PainNoteFactory(user=user, session=earlier, timing="before", intensity=1)
    PainNoteFactory(user=user, session=earlier, timing="after", intensity=4)
    rated_session(user, 2, 1, 3)
    assert safety.pain_is_worsening(user, now=NOW)


@pytest.mark.django_db
def test_only_my_sessions_count(user, other_user):
    rated_session(other_user, 10, 1, 8)
    rated_session(user, 2, 1, 3)
    assert not safety.pain_is_worsening(user, now=NOW)
