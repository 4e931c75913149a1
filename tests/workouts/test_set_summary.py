"""A set reads the same wherever it is shown (includes/set-summary.html)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import ExerciseFactory, SessionExerciseFactory, WorkoutSessionFactory
from tests.workouts.progress_data import at, finished, logged


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"reps": 10, "weight": Decimal("20")}, "10 reps × 20 kg"),
        ({"reps": 0, "weight": Decimal("0")}, "0 reps × 0 kg"),
        ({"hold_seconds": 30, "weight": Decimal("0")}, "0 kg, hold 30 s"),
        ({"reps": 8, "hold_seconds": 5}, "8 reps, hold 5 s"),
        ({"hold_seconds": 0, "side": "left"}, "hold 0 s (left)"),
    ],
)
def test_history_and_the_next_session_word_a_set_alike(client, user, values, words):
    exercise = ExerciseFactory(name="Weighted hold")
    done = finished(user, at(2026, 3, 2))
    logged(done, exercise, [values])
    today = WorkoutSessionFactory(user=user)
    SessionExerciseFactory(session=today, exercise=exercise)
    client.force_login(user)

    history = text_of(client.get(reverse("workouts:history")).content.decode())
    session_page = client.get(today.get_absolute_url()).content.decode()

    assert words in history
    # The finished session's summary says it once, side included once.
    summary = text_of(client.get(done.get_absolute_url()).content.decode())
    assert f" {words} " in f"{summary} " and "(left) (left)" not in summary
    # The set table shows last time beside each row; the side has its own column there.
    assert f'<span class="set-last">{words.removesuffix(" (left)")}</span>' in session_page
