"""Builders for finished sessions with known sets and notes (history, progress, export tests)."""

from datetime import UTC, datetime, timedelta

from tests.factories import (
    PainNoteFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)


def at(year, month, day, hour=12, minute=0, tz=UTC):
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def finished(user, started_at, minutes=30, **values):
    return WorkoutSessionFactory(
        user=user,
        started_at=started_at,
        finished_at=started_at + timedelta(minutes=minutes),
        **values,
    )


def logged(session, exercise, sets, **planned):
    """A movement in a session with sets given as dicts (reps, weight, hold_seconds...)."""
    entry = SessionExerciseFactory(session=session, exercise=exercise, **planned)
    for n, values in enumerate(sets):
        values = {"reps": None, **values}
        SetLogFactory(entry=entry, logged_at=session.started_at + timedelta(minutes=n), **values)
    return entry


def pain_note(entry=None, session=None, **values):
    session = session or entry.session
    values.setdefault("noted_at", session.started_at + timedelta(minutes=5))
    return PainNoteFactory(user=session.user, session=session, entry=entry, **values)
