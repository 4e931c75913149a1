"""Builds the benchmark's large data set on PostgreSQL with COPY.

About 1,000 movements, 10,000 users (each with a profile, a routine and a weekly schedule),
1,000,000 logged sets and 100,000 pain notes. Rows are produced in Python from the models'
own fields (so a new column with a default needs no change here) and streamed with COPY.
"""

import datetime as dt
import itertools
import json
import random
import time
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, models
from django.utils import timezone

from accounts.models import Profile
from exercises.models import Equipment, Exercise, Kind, Level, Muscle, Target
from routines.models import Purpose, Routine, RoutineItem, ScheduledSession
from workouts import body_map
from workouts.models import PainNote, SessionExercise, SetLog, WorkoutSession

USERS = 10_000
MOVEMENTS = 1_000
SESSIONS_PER_USER = 10
ENTRIES_PER_SESSION = 5
SETS_PER_ENTRY = 2  # 10,000 users x 10 sessions x 5 movements x 2 sets = 1,000,000 sets
PAIN_NOTES_PER_USER = 10
HEAVY_USERNAME = "bench_heavy"  # one person with 1,000 sessions beside the typical 10
HEAVY_SESSIONS = 1_000
BENCH_PASSWORD = "bench-password-123"


def _copy(model, rows):
    """COPY rows (dicts of field name -> value; the rest take the field's default)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    rows = itertools.chain([first], rows)
    pk = model._meta.pk
    # Without an explicit id the database's sequence numbers the rows.
    fields = [f for f in model._meta.concrete_fields if f is not pk or "id" in first]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for values in rows:
                copy.write_row(
                    [
                        _column(
                            f,
                            values[f.attname]
                            if f.attname in values
                            else values.get(f.name, f.get_default()),
                        )
                        for f in fields
                    ]
                )


def _column(field, value):
    """A value as COPY takes it: JSON columns as JSON text (a list would go as an array)."""
    if isinstance(field, models.JSONField):
        return json.dumps(value)
    return value


def _reset_sequences(*models):
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def _timed(label, func):
    start = time.perf_counter()
    count = func()
    print(f"  {label:<28} {count:>9,} rows  {time.perf_counter() - start:6.1f} s", flush=True)
    return count


def build(seed=7):
    rng = random.Random(seed)
    User = get_user_model()
    now = timezone.now()
    print("Building the data set (COPY into PostgreSQL):", flush=True)

    equipment = list(Equipment.objects.all())
    muscles = list(Muscle.objects.all())

    def movements():
        first = (Exercise.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        rows = []
        for i in range(MOVEMENTS - Exercise.objects.count()):
            strength = i % 2 == 0
            rows.append(
                {
                    "id": first + i,
                    "kind": Kind.STRENGTH if strength else Kind.MOBILITY,
                    "name": f"Bench movement {i:04d}",
                    "slug": f"bench-movement-{i:04d}",
                    "summary": "A generated movement for the benchmark.",
                    "sets": 3,
                    "reps_min": 8 if strength else None,
                    "reps_max": 12 if strength else None,
                    "hold_seconds": None if strength else 30,
                    "level": rng.choice(list(Level.values)),
                    "is_published": True,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        _copy(Exercise, rows)
        targets = []
        links = []
        for row in rows:
            for role, muscle in zip(("primary", "secondary"), rng.sample(muscles, 2), strict=True):
                targets.append({"exercise_id": row["id"], "muscle_id": muscle.pk, "role": role})
            links.append(
                Exercise.equipment.through(
                    exercise_id=row["id"], equipment_id=rng.choice(equipment).pk
                )
            )
        Target.objects.bulk_create(Target(**t) for t in targets)
        Exercise.equipment.through.objects.bulk_create(links)
        _reset_sequences(Exercise)
        return len(rows)

    _timed("movements", movements)
    strength_ids = list(Exercise.objects.filter(kind=Kind.STRENGTH).values_list("pk", flat=True))

    password = make_password(BENCH_PASSWORD)
    first_user = (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    user_ids = list(range(first_user, first_user + USERS))

    def users():
        _copy(
            User,
            (
                {
                    "id": uid,
                    "username": f"bench{n}",
                    "email": f"bench{n}@example.com",
                    "password": password,
                    "date_joined": now,
                    "is_active": True,
                }
                for n, uid in enumerate(user_ids)
            ),
        )
        _copy(
            Profile,
            (
                {"id": uid, "user_id": uid, "time_zone": "Europe/Berlin", "weekly_target": 3}
                for uid in user_ids
            ),
        )
        _reset_sequences(User, Profile)
        return USERS

    _timed("users and profiles", users)

    first_routine = (Routine.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def routines():
        _copy(
            Routine,
            (
                {
                    "id": first_routine + n,
                    "user_id": uid,
                    "name": "Gym strength",
                    "purpose": Purpose.STRENGTH,
                    "created_at": now,
                    "updated_at": now,
                }
                for n, uid in enumerate(user_ids)
            ),
        )
        _copy(
            RoutineItem,
            (
                {
                    "routine_id": first_routine + n,
                    "exercise_id": strength_ids[(n + i) % len(strength_ids)],
                    "position": i,
                    "sets": 3,
                    "reps": 10,
                    "weight": Decimal("20.00"),
                }
                for n in range(USERS)
                for i in range(5)
            ),
        )
        _copy(
            ScheduledSession,
            (
                {
                    "user_id": uid,
                    "routine_id": first_routine + n,
                    "start_date": now.date() - dt.timedelta(days=120),
                    "time": dt.time(7, 30),
                    "weekdays": "024",
                    "created_at": now,
                }
                for n, uid in enumerate(user_ids)
            ),
        )
        _reset_sequences(Routine, RoutineItem, ScheduledSession)
        return USERS * 7

    _timed("routines, items, schedules", routines)

    first_session = (
        WorkoutSession.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    first_entry = (
        SessionExercise.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    sessions_total = USERS * SESSIONS_PER_USER

    def sessions():
        def session_rows():
            for n, uid in enumerate(user_ids):
                for s in range(SESSIONS_PER_USER):
                    started = now - dt.timedelta(days=3 * (SESSIONS_PER_USER - s), hours=n % 12)
                    yield {
                        "id": first_session + n * SESSIONS_PER_USER + s,
                        "user_id": uid,
                        "routine_id": first_routine + n,
                        "started_at": started,
                        "finished_at": started + dt.timedelta(minutes=40),
                        "feeling": 4,
                        "pain_before": rng.randint(0, 5),
                        "pain_after": rng.randint(0, 5),
                    }

        _copy(WorkoutSession, session_rows())
        _reset_sequences(WorkoutSession)
        return sessions_total

    _timed("sessions", sessions)

    def entries_and_sets():
        def entry_rows():
            for k in range(sessions_total):
                for i in range(ENTRIES_PER_SESSION):
                    exercise_id = strength_ids[(k // SESSIONS_PER_USER + i) % len(strength_ids)]
                    yield {
                        "id": first_entry + k * ENTRIES_PER_SESSION + i,
                        "session_id": first_session + k,
                        "exercise_id": exercise_id,
                        "position": i,
                        "planned_sets": 3,
                        "planned_reps": 10,
                        "planned_weight": Decimal("20.00"),
                        "status": "done",
                    }

        _copy(SessionExercise, entry_rows())
        _reset_sequences(SessionExercise)
        entries_total = sessions_total * ENTRIES_PER_SESSION

        def set_rows():
            for e in range(entries_total):
                for _ in range(SETS_PER_ENTRY):
                    yield {
                        "entry_id": first_entry + e,
                        "idempotency_key": uuid.UUID(int=rng.getrandbits(128), version=4),
                        "reps": rng.randint(6, 12),
                        "weight": Decimal(rng.choice(["15.00", "17.50", "20.00", "22.50"])),
                        "logged_at": now - dt.timedelta(minutes=e % 100_000),
                    }

        _copy(SetLog, set_rows())
        _reset_sequences(SetLog)
        return entries_total * (1 + SETS_PER_ENTRY)

    _timed("movements in sessions + sets", entries_and_sets)

    def pain_notes():
        areas = list(body_map.AREA_CODES)
        kinds = [k for k in PainNote.Kind.values if k not in ("sharp", "shooting", "numbness")]
        _copy(
            PainNote,
            (
                {
                    "user_id": uid,
                    "session_id": first_session + n * SESSIONS_PER_USER + p,
                    "idempotency_key": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "intensity": rng.randint(0, 6),
                    "areas": [rng.choice(areas)],
                    "kind": rng.choice(kinds),
                    "timing": "after",
                    "noted_at": now - dt.timedelta(days=3 * (SESSIONS_PER_USER - p)),
                }
                for n, uid in enumerate(user_ids)
                for p in range(PAIN_NOTES_PER_USER)
            ),
        )
        _reset_sequences(PainNote)
        return USERS * PAIN_NOTES_PER_USER

    _timed("pain notes", pain_notes)

    _timed("a person with 1,000 sessions", lambda: heavy_person(rng, strength_ids, password, now))

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return User.objects.get(username="bench0")


def _next_pk(model):
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def heavy_person(rng, strength_ids, password, now):
    """`bench_heavy`: the typical person's routine and plan, with 1,000 sessions logged.

    Pages whose cost grows with a person's history show it against `bench0` (10 sessions).
    """
    User = get_user_model()
    user = User.objects.create(username=HEAVY_USERNAME, email="heavy@example.com")
    User.objects.filter(pk=user.pk).update(password=password)
    Profile.objects.update_or_create(
        user=user, defaults={"time_zone": "Europe/Berlin", "weekly_target": 3}
    )
    routine = Routine.objects.create(user=user, name="Gym strength", purpose=Purpose.STRENGTH)
    RoutineItem.objects.bulk_create(
        RoutineItem(
            routine=routine,
            exercise_id=strength_ids[i],
            position=i,
            sets=3,
            reps=10,
            weight=Decimal("20.00"),
        )
        for i in range(ENTRIES_PER_SESSION)
    )
    ScheduledSession.objects.create(
        user=user,
        routine=routine,
        start_date=now.date() - dt.timedelta(days=3_100),
        time=dt.time(7, 30),
        weekdays="024",
    )
    first_session = _next_pk(WorkoutSession)
    first_entry = _next_pk(SessionExercise)
    starts = [now - dt.timedelta(days=3 * (HEAVY_SESSIONS - s)) for s in range(HEAVY_SESSIONS)]
    _copy(
        WorkoutSession,
        (
            {
                "id": first_session + s,
                "user_id": user.pk,
                "routine_id": routine.pk,
                "started_at": started,
                "finished_at": started + dt.timedelta(minutes=40),
                "feeling": 4,
                "pain_before": rng.randint(0, 5),
                "pain_after": rng.randint(0, 5),
            }
            for s, started in enumerate(starts)
        ),
    )
    entries = HEAVY_SESSIONS * ENTRIES_PER_SESSION
    _copy(
        SessionExercise,
        (
            {
                "id": first_entry + e,
                "session_id": first_session + e // ENTRIES_PER_SESSION,
                "exercise_id": strength_ids[e % ENTRIES_PER_SESSION],
                "position": e % ENTRIES_PER_SESSION,
                "planned_sets": 3,
                "planned_reps": 10,
                "planned_weight": Decimal("20.00"),
                "status": "done",
            }
            for e in range(entries)
        ),
    )
    _copy(
        SetLog,
        (
            {
                "entry_id": first_entry + e,
                "idempotency_key": uuid.UUID(int=rng.getrandbits(128), version=4),
                "reps": rng.randint(6, 12),
                "weight": Decimal(rng.choice(["15.00", "17.50", "20.00", "22.50"])),
                "logged_at": starts[e // ENTRIES_PER_SESSION] + dt.timedelta(minutes=5),
            }
            for e in range(entries)
            for _ in range(SETS_PER_ENTRY)
        ),
    )
    _reset_sequences(WorkoutSession, SessionExercise, SetLog)
    return HEAVY_SESSIONS + entries * (1 + SETS_PER_ENTRY)
