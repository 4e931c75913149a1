"""0 is a number a person recorded (a pain-free day, a bodyweight set); only a blank is
"not recorded". Before, pain 0/10 and 0 kg showed as "–", like missing data."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ExerciseFactory
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db
NOT_RECORDED = '<span aria-hidden="true">–</span><span class="visually-hidden">not recorded</span>'


@pytest.fixture
def pain_free_day(client, user):
    """A finished session rated 0 before, not rated after, with a 0 kg set and a set with
    no effort recorded."""
    row = ExerciseFactory(name="Band pull-apart", slug="band-pull-apart")
    session = finished(user, timezone.now() - timedelta(days=1), pain_before=0, pain_after=None)
    logged(session, row, [{"reps": 0, "weight": 0, "rpe": None}])
    client.force_login(user)
    return row


def get(client, name, *args):
    return client.get(reverse(f"workouts:{name}", args=args)).content.decode()


def test_history_shows_pain_zero_and_says_what_is_missing(client, pain_free_day):
    html = get(client, "history")

    assert f"before 0/10, after {NOT_RECORDED}/10" in html
    assert "0 reps × 0 kg" in html


def test_the_progress_pain_table_shows_zero(client, pain_free_day):
    html = get(client, "progress")

    assert f"<td>0</td><td>{NOT_RECORDED}</td>" in html


def test_the_report_shows_zero_pain_and_a_zero_weight(client, pain_free_day):
    html = get(client, "report")

    assert f"<td>0</td><td>{NOT_RECORDED}</td>" in html
    assert f"Average pain (0 to 10): 0.0 before sessions, {NOT_RECORDED} after." in html
    # Movement, sessions, sets, reps, heaviest, longest hold, volume.
    assert f"<td>1</td><td>1</td><td>0</td><td>0</td><td>{NOT_RECORDED}</td><td>0</td>" in html


def test_the_movement_history_shows_zero_reps_and_weight(client, pain_free_day):
    html = get(client, "movement_history", pain_free_day.slug)

    assert f"<td>0</td><td>0</td><td>{NOT_RECORDED}</td>" in html
    assert "0 reps × 0 kg" in html


def test_the_files_keep_zero_as_zero_and_blank_as_blank(client, pain_free_day):
    def rows(kind):
        response = client.get(reverse("workouts:export_csv", args=[kind]))
        lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]

    (session,) = rows("sessions")
    (set_row,) = rows("sets")

    assert (session["pain before (0-10)"], session["pain after (0-10)"]) == ("0", "")
    assert (set_row["reps"], set_row["weight"], set_row["unit"]) == ("0", "0", "kg")
    assert set_row["effort (RPE)"] == ""


def test_the_finished_session_shows_zero_pain_and_what_was_not_recorded(
    client, user, pain_free_day
):
    session = user.workout_sessions.get()

    html = client.get(session.get_absolute_url()).content.decode()

    assert "<dt>Pain before</dt><dd>0/10</dd>" in html
    assert f"<dt>Pain after</dt><dd>{NOT_RECORDED}</dd>" in html
    assert f"<dt>Feeling</dt><dd>{NOT_RECORDED}</dd>" in html


def test_the_pain_chart_says_not_recorded_in_words(client, pain_free_day):
    html = get(client, "progress")

    assert "on average 0.0 before and not recorded after." in html
