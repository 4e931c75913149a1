"""Warm-up sets are listed wherever sets are, and count toward no volume, best or suggestion
(issue 10)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ExerciseFactory
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db

# A warm-up heavier than the working sets would never happen on purpose; it shows that no
# best ever comes from one.
WARM_UP = {"reps": 12, "weight": 30, "is_warmup": True}
WORKING = {"reps": 10, "weight": 20}


@pytest.fixture
def row(db):
    return ExerciseFactory(name="Seated row", kind="strength", reps_min=8, reps_max=12)


@pytest.fixture
def trained(user, row):
    session = finished(user, timezone.now() - timedelta(days=1))
    logged(session, row, [WARM_UP, WORKING, WORKING])
    return session


def test_history_lists_the_warm_up_as_one(client, user, trained):
    client.force_login(user)

    content = client.get(reverse("workouts:history")).content.decode()

    assert "warm-up 12 reps × 30 kg; 10 reps × 20 kg; 10 reps × 20 kg" in content


def test_progress_leaves_warm_ups_out_of_reps_and_volume(client, user, trained):
    client.force_login(user)

    content = client.get(reverse("workouts:progress")).content.decode()

    assert "400 kg lifted in all" in content
    assert "<td>20</td><td>400</td>" in content  # this week's reps and volume
    assert "760" not in content  # 400 plus the warm-up's 360
    assert "3 sets" in content  # still a set in the list of movements


def test_the_movement_history_takes_no_best_or_trend_from_a_warm_up(client, user, row, trained):
    client.force_login(user)

    response = client.get(reverse("workouts:movement_history", args=[row.slug]))

    content = response.content.decode()
    assert response.context["best"].weight == 20
    assert response.context["trend"].recent_best == 20
    assert response.context["trend"].recent_volume == 400
    assert '<td>12 <span class="tag">warm-up</span></td><td>30</td>' in content  # still listed
    assert "30" not in response.context["chart"].desc


def test_a_warm_up_is_not_one_of_the_planned_sets_for_a_suggestion(client, user, row):
    for days in (3, 1):
        session = finished(user, timezone.now() - timedelta(days=days))
        sets = [{**WORKING, "is_warmup": True}, WORKING, WORKING]
        logged(session, row, sets, planned_reps=10, planned_sets=3, planned_weight=20)
    client.force_login(user)

    assert client.get(reverse("workouts:progress")).context["suggestions"] == []


def test_the_next_weight_steps_up_from_the_working_sets_not_a_warm_up(client, user, row):
    for days in (3, 1):
        session = finished(user, timezone.now() - timedelta(days=days))
        sets = [WARM_UP, WORKING, WORKING, WORKING]
        logged(session, row, sets, planned_reps=10, planned_sets=3, planned_weight=20)
    client.force_login(user)

    (suggestion,) = client.get(reverse("workouts:progress")).context["suggestions"]

    assert suggestion.weight == 22.5  # 20 and a step, not the warm-up's 30 and a step


def test_the_report_counts_the_warm_up_as_a_set_but_not_in_its_totals(client, user, trained):
    client.force_login(user)

    response = client.get(reverse("workouts:report"))

    (load,) = response.context["loads"]
    assert load["set_count"] == 3
    assert load["total_reps"] == 20
    assert load["best_weight"] == 20
    assert load["volume"] == 400
