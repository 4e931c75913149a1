import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from tests.factories import ExerciseFactory, RoutineFactory, RoutineItemFactory
from tests.workouts.progress_data import at, finished, logged, pain_note
from workouts.export import safe_cell

pytestmark = pytest.mark.django_db


def csv_url(kind):
    return reverse("workouts:export_csv", args=[kind])


def read_csv(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


@pytest.fixture
def history(user):
    profile = Profile.for_user(user)
    profile.time_zone = "Europe/Paris"
    profile.save()
    row = ExerciseFactory(name="Seated row")
    session = finished(
        user,
        at(2026, 3, 2, 17, 0),
        minutes=40,
        pain_before=4,
        pain_after=2,
        notes='=HYPERLINK("http://evil")',
    )
    entry = logged(session, row, [{"reps": 10, "weight": "22.5", "rpe": 7, "note": "+1 rep"}])
    pain_note(entry=entry, intensity=3, kind="tightness", timing="during", text="@upper back")
    return session


@pytest.mark.parametrize("kind", ["sessions", "sets", "pain-notes"])
def test_it_sends_anonymous_people_to_log_in(client, kind):
    assert client.get(csv_url(kind)).status_code == 302


def test_it_is_a_404_for_an_unknown_file(client, user):
    client.force_login(user)

    assert client.get(csv_url("passwords")).status_code == 404


def test_the_sessions_file_has_a_row_per_session_in_local_time(client, user, history):
    client.force_login(user)

    response = client.get(csv_url("sessions"))

    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="midback-sessions-')
    header, row = read_csv(response)
    assert header[:4] == ["session", "started", "finished", "minutes"]
    assert row[0] == str(history.pk)
    assert row[1:4] == ["2026-03-02 18:00", "2026-03-02 18:40", "40"]
    assert row[7:9] == ["4", "2"]


def test_the_sets_file_has_a_row_per_set(client, user, history):
    client.force_login(user)

    header, row = read_csv(client.get(csv_url("sets")))

    values = dict(zip(header, row, strict=True))
    assert values["movement"] == "Seated row"
    assert values["reps"] == "10"
    assert values["weight"] == "22.5"
    assert values["unit"] == "kg"
    assert values["effort (RPE)"] == "7"


def test_the_pain_notes_file_has_a_row_per_note(client, user, history):
    client.force_login(user)

    header, row = read_csv(client.get(csv_url("pain-notes")))

    values = dict(zip(header, row, strict=True))
    assert values["movement"] == "Seated row"
    assert values["intensity (0-10)"] == "3"
    assert values["what it felt like"] == "Tightness"
    assert values["when"] == "During a movement"


def test_cells_that_would_run_as_formulas_are_escaped(client, user, history):
    client.force_login(user)

    sessions = read_csv(client.get(csv_url("sessions")))
    sets = read_csv(client.get(csv_url("sets")))
    notes = read_csv(client.get(csv_url("pain-notes")))

    assert sessions[1][-1] == '\'=HYPERLINK("http://evil")'
    assert "'+1 rep" in sets[1]
    assert "'@upper back" in notes[1]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_safe_cell_prefixes_formula_starts(text):
    assert safe_cell(text) == "'" + text


def test_safe_cell_leaves_plain_values_alone():
    assert safe_cell("upper back") == "upper back"
    assert safe_cell(7) == 7
    assert safe_cell(None) == ""


@pytest.mark.parametrize("kind", ["sessions", "sets", "pain-notes"])
def test_the_files_hold_none_of_anyone_elses_data(client, user, other_user, history, kind):
    client.force_login(other_user)

    rows = read_csv(client.get(csv_url(kind)))

    assert len(rows) == 1  # the header only


# Full account export ---------------------------------------------------------------------

JSON_URL = reverse("workouts:export_json")


def test_the_account_export_needs_a_login(client):
    assert client.get(JSON_URL).status_code == 302


def test_the_account_export_holds_everything_the_person_has(client, user, history):
    routine = RoutineFactory(user=user, name="Desk break")
    stretch = ExerciseFactory()
    RoutineItemFactory(routine=routine, exercise=stretch, reps=8)
    finished(user, timezone.now() - timedelta(days=1))
    client.force_login(user)

    response = client.get(JSON_URL)

    assert response["Content-Disposition"].startswith('attachment; filename="midback-account-')
    data = json.loads(response.content)
    assert data["user"]["username"] == user.username
    assert data["profile"]["time_zone"] == "Europe/Paris"
    assert [r["name"] for r in data["routines"]] == ["Desk break"]
    assert data["routines"][0]["items"][0]["exercise"] == stretch.slug
    assert len(data["sessions"]) == 2
    first = data["sessions"][0]
    assert first["pain_before"] == 4
    assert first["movements"][0]["exercise"] == history.entries.get().exercise.slug
    assert data["version"] == 2
    assert data["weights_in"] == "kg"
    assert first["movements"][0]["sets"][0]["weight"] == "22.5000"
    assert data["pain_notes"][0]["text"] == "@upper back"


def test_the_account_export_holds_none_of_anyone_elses_data(client, user, other_user, history):
    RoutineFactory(user=user, name="Owner's routine")
    RoutineFactory(user=other_user, name="Outsider's routine")
    client.force_login(other_user)

    data = json.loads(client.get(JSON_URL).content)
    text = json.dumps(data)

    assert data["user"]["username"] == other_user.username
    assert data["sessions"] == []
    assert data["pain_notes"] == []
    assert [r["name"] for r in data["routines"]] == ["Outsider's routine"]
    assert user.username not in text
    assert "HYPERLINK" not in text
