"""The database itself refuses rows the forms would never let through."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import PainNoteFactory, SessionExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "values",
    [
        {"planned_sets": 0},
        {"planned_sets": 11},
        {"planned_reps": 101},
        {"planned_hold_seconds": 601},
        {"planned_weight": -1},
        {"planned_weight": 1001},
        {"rest_seconds": 601},
        {"status": "teleported"},
        {"skip_reason": "bored"},
    ],
)
def test_a_movement_in_a_session_cannot_hold_impossible_values(values):
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionExerciseFactory(**values)


@pytest.mark.parametrize(
    "values",
    [{"areas": []}, {"kind": "tickly"}, {"timing": "tomorrow"}, {"intensity": 11}],
)
def test_a_pain_note_cannot_hold_unknown_choices(values):
    with pytest.raises(IntegrityError), transaction.atomic():
        PainNoteFactory(**values)


def test_sensible_rows_are_accepted():
    entry = SessionExerciseFactory(planned_weight=20, status="skipped", skip_reason="pain")
    note = PainNoteFactory(areas=["neck"], kind="sharp", timing="day", intensity=10)

    assert entry.pk and note.pk
