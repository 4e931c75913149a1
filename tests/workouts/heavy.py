"""A person with 1,000 finished sessions, written in bulk, for the tests that pin query counts.

One session a day going back from yesterday, three movements of two sets each, a pain note
on the first movement of every tenth session and a general note on every twentieth.
"""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession

HEAVY_SESSIONS = 1000


def heavy_history(user, exercises, sessions=HEAVY_SESSIONS):
    now = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    rows = WorkoutSession.objects.bulk_create(
        WorkoutSession(
            user=user,
            started_at=now - timedelta(days=n + 1),
            finished_at=now - timedelta(days=n + 1) + timedelta(minutes=30),
            pain_before=2,
            pain_after=1,
        )
        for n in range(sessions)
    )
    entries = SessionExercise.objects.bulk_create(
        SessionExercise(
            session=session,
            exercise=exercise,
            position=position,
            planned_sets=2,
            planned_reps=10,
            status=SessionExercise.Status.DONE,
        )
        for session in rows
        for position, exercise in enumerate(exercises)
    )
    SetLog.objects.bulk_create(
        SetLog(
            entry=entry,
            reps=10,
            weight=Decimal(20),
            idempotency_key=uuid.uuid4(),
            logged_at=entry.session.started_at + timedelta(minutes=n),
        )
        for entry in entries
        for n in range(2)
    )
    notes = [
        PainNote(
            user=user,
            session=entry.session,
            entry=entry,
            intensity=2,
            areas=["between-shoulder-blades"],
            kind=PainNote.Kind.choices[0][0],
            timing=PainNote.Timing.choices[0][0],
            noted_at=entry.session.started_at,
        )
        for entry in entries[:: 10 * len(exercises)]
    ]
    notes += [
        PainNote(
            user=user,
            session=session,
            intensity=1,
            areas=["between-shoulder-blades"],
            kind=PainNote.Kind.choices[0][0],
            timing=PainNote.Timing.choices[0][0],
            noted_at=session.started_at,
        )
        for session in rows[::20]
    ]
    PainNote.objects.bulk_create(notes)
    return rows
