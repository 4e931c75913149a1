import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accounts import weights
from accounts.models import Profile
from exercises.models import Equipment, Exercise
from routines.models import CalendarFeed, OccurrenceChange, Routine, RoutineItem
from tests.factories import (
    CalendarFeedFactory,
    EquipmentFactory,
    ExerciseFactory,
    FlareUpFactory,
    OccurrenceChangeFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    ShareLinkFactory,
)
from tests.workouts.progress_data import at, finished, logged, pain_note
from workouts.models import CheckIn, PainNote, SetLog, WorkoutSession

BASE_DIR = Path(__file__).resolve().parents[2]
EXPORT_URL = reverse("workouts:export_json")
User = get_user_model()


def build_person(user, movements, equipment):
    """Someone who has used every part of the app: profile, routines, a plan, sessions, notes."""
    profile = Profile.for_user(user)
    profile.time_zone = "Europe/Paris"
    profile.weight_unit = Profile.WeightUnit.LB
    profile.weekly_target = 4
    profile.training_at = Profile.Setting.CUSTOM
    profile.reminders = True
    profile.save()
    profile.equipment.set(equipment)

    row, opener, twist = movements
    desk = RoutineFactory(user=user, name="Desk break", purpose="mobility", description="Twice")
    RoutineItemFactory(routine=desk, exercise=opener, position=0, reps=None, hold_seconds=30)
    RoutineItemFactory(routine=desk, exercise=twist, position=1, reps=8, per_side=True)
    strength = RoutineFactory(user=user, name="Strong back", purpose="strength", is_archived=True)
    RoutineItemFactory(routine=strength, exercise=row, position=0, reps=10, weight="22.50")

    plan = ScheduledSessionFactory(
        user=user,
        routine=desk,
        start_date=datetime.date(2026, 3, 2),
        time=datetime.time(7, 30),
        weekdays="024",
    )
    OccurrenceChangeFactory(
        schedule=plan,
        original_date=datetime.date(2026, 3, 4),
        new_date=datetime.date(2026, 3, 5),
        new_time=datetime.time(18, 0),
        skipped=False,
    )
    OccurrenceChangeFactory(schedule=plan, original_date=datetime.date(2026, 3, 6), skipped=True)
    CalendarFeedFactory(user=user)

    first = finished(
        user,
        at(2026, 3, 2, 6, 30),
        routine=desk,
        schedule=plan,
        scheduled_date=datetime.date(2026, 3, 2),
        pain_before=4,
        pain_after=2,
        feeling=4,
        notes="Stiff at first",
    )
    logged(first, opener, [{"hold_seconds": 30}, {"hold_seconds": 35}], position=0)
    turned = logged(
        first,
        twist,
        [{"reps": 8, "side": "left"}, {"reps": 8, "side": "right", "rpe": 6}],
        position=1,
        per_side=True,
    )
    turned.skip("pain")
    swapped_in = first.add_exercise(row, position=2, replaces=turned)
    swapped_in.log_set(idempotency_key="11111111-2222-4333-8444-555555555555", reps=6)

    second = finished(user, at(2026, 3, 5, 17), routine=strength, pain_before=3, pain_after=3)
    logged(second, row, [{"reps": 10, "weight": "22.50", "note": "easy"}] * 3)

    third = finished(user, at(2026, 3, 9, 17), notes="Free session")
    logged(third, twist, [{"reps": 12}])

    pain_note(session=first, timing="before", intensity=4, areas=["between-shoulder-blades"])
    pain_note(entry=turned, timing="during", intensity=6, kind="sharp", text="Pinch on the left")
    pain_note(session=first, timing="after", intensity=2, kind="stiffness")
    pain_note(
        session=second, timing="day", intensity=3, areas=["neck"], after_fall=True, text="Slip"
    )
    # A day entry is not tied to a session.
    PainNote.objects.create(
        user=user, intensity=1, areas=["upper-back-left"], kind="ache", timing="day", text="Fine"
    )
    FlareUpFactory(
        user=user,
        started_on=datetime.date(2026, 3, 10),
        ends_on=datetime.date(2026, 3, 16),
        ended_early_on=datetime.date(2026, 3, 14),
    )
    FlareUpFactory(
        user=user, started_on=datetime.date(2026, 2, 1), ends_on=datetime.date(2026, 2, 3)
    )
    CheckIn.objects.create(
        user=user, day=datetime.date(2026, 3, 6), rating=0, areas=["hip-right", "neck"]
    )
    shared = ShareLinkFactory(user=user, name="Dr Lee", include_session_notes=True)
    shared.record_open()
    shared.revoke()
    return user


@pytest.fixture
def person(user):
    movements = [ExerciseFactory(name=name) for name in ("Seated row", "Opener", "Twist")]
    equipment = [EquipmentFactory(name="Band", slug="band"), EquipmentFactory(slug="mat")]
    return build_person(user, movements, equipment)


def export(client, user):
    client.force_login(user)
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    client.logout()
    return json.loads(response.content)


def comparable(data):
    """The export with database ids turned into positions, so two databases can be compared."""
    data = json.loads(json.dumps(data))
    data.pop("exported_at")
    routines = {r["id"]: n for n, r in enumerate(data["routines"])}
    schedules = {s["id"]: n for n, s in enumerate(data["schedules"])}
    sessions = {s["id"]: n for n, s in enumerate(data["sessions"])}
    entries = {
        e["id"]: (n, m)
        for n, s in enumerate(data["sessions"])
        for m, e in enumerate(s["movements"])
    }
    for routine in data["routines"]:
        del routine["id"]
        for item in routine["items"]:
            del item["id"], item["routine_id"], item["exercise_id"]
    for schedule in data["schedules"]:
        del schedule["id"]
        schedule["routine_id"] = routines[schedule["routine_id"]]
        for change in schedule["changes"]:
            del change["id"]
    for session in data["sessions"]:
        del session["id"]
        session["routine_id"] = routines.get(session["routine_id"])
        session["schedule_id"] = schedules.get(session["schedule_id"])
        for entry in session["movements"]:
            del entry["id"], entry["session_id"], entry["exercise_id"]
            entry["replaces_id"] = entries.get(entry["replaces_id"])
            for set_log in entry["sets"]:
                del set_log["id"], set_log["entry_id"]
    for row in data["flare_ups"] + data["share_links"]:
        del row["id"]
    for note in data["pain_notes"]:
        del note["id"]
        note["session_id"] = sessions.get(note["session_id"])
        note["entry_id"] = entries.get(note["entry_id"])
    return data


# In this database ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_exported_person_comes_back_the_same_after_deletion(client, person):
    before = export(client, person)
    person.delete()

    restored = call_import(before)

    after = export(client, restored)
    assert comparable(after) == comparable(before)


@pytest.mark.django_db
def test_the_round_trip_covers_every_part_of_the_export(client, person):
    data = export(client, person)

    assert len(data["routines"]) == 2
    assert sum(len(r["items"]) for r in data["routines"]) == 3
    assert [len(s["changes"]) for s in data["schedules"]] == [2]
    assert len(data["sessions"]) == 3
    assert any(e["replaces_id"] for s in data["sessions"] for e in s["movements"])
    assert {n["timing"] for n in data["pain_notes"]} == {"before", "during", "after", "day"}
    assert data["profile"]["equipment"] == ["band", "mat"]
    assert data["calendar_feed"]["token"]
    assert [f["ended_early_on"] for f in data["flare_ups"]] == [None, "2026-03-14"]
    assert [(link["name"], link["open_count"]) for link in data["share_links"]] == [("Dr Lee", 1)]
    assert "token_hash" not in data["share_links"][0]
    assert [(c["day"], c["rating"], c["areas"]) for c in data["check_ins"]] == [
        ("2026-03-06", 0, ["hip-right", "neck"])
    ]


@pytest.mark.django_db
def test_a_live_share_link_comes_back_switched_off(client, user):
    link = ShareLinkFactory(user=user, name="Physio", rolling_weeks=6)
    data = export(client, user)
    assert link.token not in json.dumps(data)
    user.delete()

    restored = call_import(data)

    back = restored.share_links.get()
    assert (back.name, back.rolling_weeks, back.revoked_at is not None) == ("Physio", 6, True)
    assert back.token_hash != link.token_hash
    assert client.get(reverse("care:shared", args=[link.token])).status_code == 404


@pytest.mark.django_db
def test_the_restored_person_keeps_keys_and_links(client, person):
    data = export(client, person)
    token = person.calendar_feed.token
    keys = set(SetLog.objects.filter(entry__session__user=person).values_list("idempotency_key"))
    person.delete()

    restored = call_import(data)

    assert restored.calendar_feed.token == token
    assert (
        set(SetLog.objects.filter(entry__session__user=restored).values_list("idempotency_key"))
        == keys
    )
    first = restored.workout_sessions.order_by("started_at").first()
    assert first.routine.name == "Desk break"
    assert first.schedule.changes.filter(skipped=True).count() == 1
    assert first.pain_notes.get(timing="during").entry.exercise.name == "Twist"
    assert restored.date_joined.isoformat()[:19] == data["user"]["date_joined"][:19]


@pytest.mark.django_db
def test_the_restored_person_must_reset_the_password(client, person):
    data = export(client, person)
    person.delete()

    restored = call_import(data)

    assert not restored.has_usable_password()
    assert restored.email == data["user"]["email"]


@pytest.mark.django_db
def test_a_session_from_a_starter_routine_points_at_the_starter_again(client, user):
    starter = Routine.objects.starters().first()
    assert starter is not None, "the migrations load starter routines"
    finished(user, at(2026, 3, 2), routine=starter)
    data = export(client, user)
    user.delete()

    restored = call_import(data)

    assert restored.workout_sessions.get().routine == starter


def call_import(data, username=None, email=None):
    with tempfile.NamedTemporaryFile("w", suffix=".json") as file:
        json.dump(data, file)
        file.flush()
        args = [file.name] + (["--username", username] if username else [])
        args += ["--email", email] if email else []
        call_command("import_account", *args, stdout=io.StringIO())
    return User.objects.get(username=username or data["user"]["username"])


# Refusals ------------------------------------------------------------------------------------


def row_counts():
    return [
        model.objects.count()
        for model in (User, Profile, Routine, OccurrenceChange, WorkoutSession, SetLog, PainNote)
    ] + [CalendarFeed.objects.count()]


@pytest.mark.django_db
def test_an_existing_username_is_refused(client, person):
    data = export(client, person)
    counts = row_counts()

    with pytest.raises(CommandError, match="already exists"):
        call_import(data)

    assert row_counts() == counts


@pytest.mark.django_db
def test_an_email_another_account_uses_is_refused(client, person):
    data = export(client, person)
    counts = row_counts()

    with pytest.raises(CommandError, match="already uses the email"):
        call_import(data, username="copy-of-person")

    assert row_counts() == counts


@pytest.mark.django_db
def test_an_invalid_new_username_is_refused(client, person):
    data = export(client, person)
    person.delete()
    counts = row_counts()

    with pytest.raises(CommandError, match="username"):
        call_import(data, username="no spaces / allowed")

    assert row_counts() == counts


@pytest.mark.django_db
def test_a_copy_under_another_name_gets_fresh_keys_and_feed(client, person):
    data = export(client, person)

    copy = call_import(data, username="copy-of-person", email="copy@example.com")

    assert copy.workout_sessions.count() == 3
    assert SetLog.objects.filter(entry__session__user=copy).count() == 9
    assert copy.calendar_feed.token != person.calendar_feed.token
    assert person.workout_sessions.count() == 3


@pytest.mark.django_db
def test_an_unknown_movement_is_refused_and_nothing_is_written(client, person):
    data = export(client, person)
    data["sessions"][2]["movements"][0]["exercise"] = "no-such-movement"
    person.delete()
    counts = row_counts()

    with pytest.raises(CommandError, match="no-such-movement"):
        call_import(data)

    assert row_counts() == counts


@pytest.mark.django_db
def test_a_bad_value_deep_in_the_file_writes_nothing(client, person):
    data = export(client, person)
    data["pain_notes"][-1]["intensity"] = 99
    person.delete()
    counts = row_counts()

    with pytest.raises(CommandError, match=r"pain_notes\[4\]"):
        call_import(data)

    assert row_counts() == counts


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "not json at all",
        "[]",
        '{"format": "something-else"}',
        '{"format": "midback-account-export", "version": 1}',
        '{"format": "midback-account-export", "version": 1, "user": {"username": "x"},'
        ' "profile": {}, "routines": "nope", "sessions": [], "pain_notes": []}',
        '{"format": "midback-account-export", "version": 1, "user": {"username": "x"},'
        ' "profile": {}, "routines": [], "sessions": [{"movements": [{"exercise": 5}]}],'
        ' "pain_notes": []}',
    ],
)
def test_a_malformed_file_is_refused_and_nothing_is_written(tmp_path, text):
    path = tmp_path / "export.json"
    path.write_text(text)
    counts = row_counts()

    with pytest.raises(CommandError, match="^Nothing imported|not a JSON file"):
        call_command("import_account", str(path))

    assert row_counts() == counts


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_account", str(tmp_path / "missing.json"))


# Into a fresh database ----------------------------------------------------------------------


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.django_db
def test_an_export_restores_into_a_freshly_migrated_database(client, user, tmp_path):
    # Library content comes with the migrations, so the fresh database knows these slugs.
    movements = list(Exercise.objects.filter(is_published=True).order_by("slug")[:3])
    equipment = list(Equipment.objects.order_by("slug")[:2])
    assert len(movements) == 3 and len(equipment) == 2
    before = export(client, build_person(user, movements, equipment))
    (tmp_path / "export.json").write_text(json.dumps(before))
    # Only what a newcomer's shell has: the settings this test runs with (a PostgreSQL URL, a
    # pool, a database cache) must not leak into the fresh database's processes.
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "SECRET_KEY": "insecure-key-for-tests-only",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    }

    manage("migrate", "--noinput", "-v0", env=env)
    imported = manage("import_account", str(tmp_path / "export.json"), env=env)
    manage("export_account", user.username, "--output", str(tmp_path / "again.json"), env=env)

    assert f"Imported {user.username}: 2 routine(s)" in imported.stdout
    after = json.loads((tmp_path / "again.json").read_text())
    assert comparable(after) == comparable(before)


@pytest.mark.django_db
def test_the_file_can_come_on_standard_input(client, person, monkeypatch):
    data = export(client, person)
    person.delete()
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(data)))

    call_command("import_account", "-", stdout=io.StringIO())

    assert User.objects.get(username=data["user"]["username"]).workout_sessions.count() == 3


@pytest.mark.django_db
def test_the_export_command_writes_what_the_page_gives(client, person, tmp_path):
    from_page = export(client, person)

    call_command(
        "export_account",
        person.username,
        "--output",
        str(tmp_path / "out.json"),
        stdout=io.StringIO(),
    )

    from_command = json.loads((tmp_path / "out.json").read_text())
    from_page.pop("exported_at"), from_command.pop("exported_at")
    assert from_command == from_page


@pytest.mark.django_db
def test_the_export_command_names_an_unknown_user():
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("export_account", "nobody", "--output", "/dev/null")


# Weights: version 2 files hold kg; version 1 files held the person's unit ---------------------


def as_version_1(data, convert):
    """The same export as an older Midback wrote it: version 1, weights in the person's unit."""
    data = json.loads(json.dumps(data))
    data["version"] = 1
    del data["weights_in"]
    for routine in data["routines"]:
        for item in routine["items"]:
            item["weight"] = convert(item["weight"])
    for session in data["sessions"]:
        for entry in session["movements"]:
            entry["planned_weight"] = convert(entry["planned_weight"])
            for set_row in entry["sets"]:
                set_row["weight"] = convert(set_row["weight"])
    return data


def stored_weights(user):
    items = RoutineItem.objects.filter(routine__user=user).exclude(weight=None)
    sets = SetLog.objects.filter(entry__session__user=user).exclude(weight=None)
    return sorted(items.values_list("weight", flat=True)), sorted(
        sets.values_list("weight", flat=True)
    )


@pytest.mark.django_db
def test_a_version_2_file_keeps_its_kg_exactly(client, person):
    data = export(client, person)

    copy = call_import(data, username="copy-of-person", email="copy@example.com")

    assert data["weights_in"] == "kg"
    assert stored_weights(copy) == stored_weights(person)


@pytest.mark.django_db
def test_a_version_1_file_in_pounds_is_converted_to_kg(client, person):
    # A version 1 file of a person using lb held pounds: 22.5 kg was written as 49.6.
    data = as_version_1(
        export(client, person),
        lambda kg: None if kg is None else weights.weight_text(Decimal(kg), "lb"),
    )
    assert data["profile"]["weight_unit"] == "lb"

    copy = call_import(data, username="copy-of-person", email="copy@example.com")

    items, sets = stored_weights(copy)
    assert items == [weights.to_kg(Decimal("49.6"), "lb")]
    shown = [weights.weight_text(kg, "lb") for kg in sets]
    assert shown == [weights.weight_text(kg, "lb") for kg in stored_weights(person)[1]]


@pytest.mark.django_db
def test_a_version_1_file_in_kg_is_read_as_kg(client, person):
    data = export(client, person)
    data["profile"]["weight_unit"] = "kg"
    data = as_version_1(data, lambda kg: kg)

    copy = call_import(data, username="copy-of-person", email="copy@example.com")

    assert stored_weights(copy) == stored_weights(person)


@pytest.mark.django_db
def test_a_version_2_file_must_say_its_weights_are_in_kg(client, person):
    data = export(client, person)
    data["weights_in"] = "lb"
    before = row_counts()

    with pytest.raises(CommandError, match="weights_in"):
        call_import(data, username="copy-of-person", email="copy@example.com")
    assert row_counts() == before
