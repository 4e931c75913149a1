"""Weights are stored in kg and every page and export shows them in the person's unit.

Before, choosing lb relabelled the stored numbers: 22.5 kg showed as "22.5 lb".
"""

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from routines.models import RoutineItem
from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from tests.workouts.progress_data import finished, logged
from workouts.models import SetLog

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def use_unit(user, unit):
    Profile.objects.update_or_create(user=user, defaults={"weight_unit": unit})


@pytest.fixture
def row(db):
    return ExerciseFactory(name="Seated row", slug="seated-row")


@pytest.fixture
def logged_in_kg(client, user, row):
    """22.5 kg everywhere: a routine item, a finished session, a session in progress."""
    routine = RoutineFactory(user=user, name="Rows")
    item = RoutineItemFactory(routine=routine, exercise=row, reps=10, weight=Decimal("22.5"))
    done = finished(user, timezone.now() - timedelta(days=2))
    logged(done, row, [{"reps": 10, "weight": Decimal("22.5")}], planned_weight=Decimal("22.5"))
    today = WorkoutSessionFactory(user=user)
    entry = SessionExerciseFactory(session=today, exercise=row, planned_weight=Decimal("22.5"))
    SetLogFactory(entry=entry, reps=10, weight=Decimal("22.5"))
    client.force_login(user)
    return {"item": item, "today": today, "entry": entry}


def pages(data, row):
    return {
        "routine": reverse("routines:detail", args=[data["item"].routine_id]),
        "session": data["today"].get_absolute_url(),
        "history": reverse("workouts:history"),
        "movement": reverse("workouts:movement_history", args=[row.slug]),
        "progress": reverse("workouts:progress"),
        "report": reverse("workouts:report"),
    }


# What each page says about 10 reps of 22.5 kg (225 kg of volume), in each unit.
SHOWN = {
    "kg": {
        "routine": ['3 × 10 reps · <span class="nowrap">22.5 kg</span>', 'value="22.5"'],
        "session": ["10 reps × 22.5 kg", '· <span class="nowrap">22.5 kg</span>', 'value="22.5"'],
        "history": ["10 reps × 22.5 kg"],
        "movement": ["10 reps × 22.5 kg", "<td>22.5</td>", "22.5 kg"],
        "progress": ["<td>225</td>", "225 kg lifted"],
        "report": ["<td>22.5</td>", "<td>225</td>"],
    },
    "lb": {
        "routine": ['3 × 10 reps · <span class="nowrap">49.6 lb</span>', 'value="49.6"'],
        "session": ["10 reps × 49.6 lb", '· <span class="nowrap">49.6 lb</span>', 'value="49.6"'],
        "history": ["10 reps × 49.6 lb"],
        "movement": ["10 reps × 49.6 lb", "<td>49.6</td>", "49.6 lb"],
        "progress": ["<td>496</td>", "496 lb lifted"],
        "report": ["<td>49.6</td>", "<td>496</td>"],
    },
}


def sets_csv(client):
    response = client.get(reverse("workouts:export_csv", args=["sets"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("unit", ["kg", "lb"])
@pytest.mark.parametrize(
    "page", ["routine", "session", "history", "movement", "progress", "report"]
)
def test_every_page_shows_the_weight_in_the_chosen_unit(
    client, user, row, logged_in_kg, unit, page
):
    use_unit(user, unit)
    other = "lb" if unit == "kg" else "kg"

    html = client.get(pages(logged_in_kg, row)[page]).content.decode()

    for text in SHOWN[unit][page]:
        assert text in html
    assert f"22.5 {other}" not in html
    assert "22.5 lb" not in html


def test_the_sets_file_converts_and_labels_the_unit(client, user, logged_in_kg):
    use_unit(user, "lb")

    values = sets_csv(client)

    assert {(v["weight"], v["unit"]) for v in values} == {("49.6", "lb")}


def test_the_account_export_keeps_exact_kg_whatever_the_unit(client, user, logged_in_kg):
    use_unit(user, "lb")

    data = json.loads(client.get(reverse("workouts:export_json")).content)

    assert data["weights_in"] == "kg"
    assert data["routines"][0]["items"][0]["weight"] == "22.5000"
    weights = [
        s["weight"] for session in data["sessions"] for m in session["movements"] for s in m["sets"]
    ]
    assert weights == ["22.5000", "22.5000"]


def test_switching_to_lb_and_back_changes_nothing_stored(client, user, row, logged_in_kg):
    item = logged_in_kg["item"]
    use_unit(user, "lb")
    # Saving the builder form as shown (49.6 lb) keeps 22.5 kg: no drift from rounding.
    edit = reverse("routines:edit_item", args=[item.routine_id, item.pk])
    data = {"sets": 3, "reps": 10, "hold_seconds": "", "weight": "49.6", "rest_seconds": 60}
    client.post(edit, {f"item-{item.pk}-{k}": v for k, v in data.items()}, **HTMX)
    use_unit(user, "kg")

    item.refresh_from_db()
    assert item.weight == Decimal("22.5")
    html = client.get(pages(logged_in_kg, row)["routine"]).content.decode()
    assert '3 × 10 reps · <span class="nowrap">22.5 kg</span>' in html


def test_a_weight_typed_in_pounds_stays_exactly_that(client, user, row, logged_in_kg):
    item = logged_in_kg["item"]
    entry = logged_in_kg["entry"]
    use_unit(user, "lb")
    edit = reverse("routines:edit_item", args=[item.routine_id, item.pk])
    data = {"sets": 3, "reps": 10, "hold_seconds": "", "weight": "50", "rest_seconds": 60}
    client.post(edit, {f"item-{item.pk}-{k}": v for k, v in data.items()}, **HTMX)
    client.post(
        reverse("workouts:log_set", args=[entry.pk]),
        {"idempotency_key": "5d0c6b6e-93a4-4f43-9a5d-8a1c2f9d1e01", "reps": 8, "weight": "55,5"},
        **HTMX,
    )

    assert RoutineItem.objects.get(pk=item.pk).weight == Decimal("22.6796")
    assert SetLog.objects.filter(entry=entry).last().weight == Decimal("25.1744")
    routine_page = client.get(pages(logged_in_kg, row)["routine"]).content.decode()
    assert '3 × 10 reps · <span class="nowrap">50 lb</span>' in routine_page
    session_page = client.get(pages(logged_in_kg, row)["session"]).content.decode()
    assert "8 reps × 55.5 lb" in session_page
    assert {v["weight"] for v in sets_csv(client)} == {"49.6", "55.5"}


def test_pounds_allow_a_tenth_and_say_so(client, user, logged_in_kg):
    entry = logged_in_kg["entry"]
    use_unit(user, "lb")

    response = client.post(
        reverse("workouts:log_set", args=[entry.pk]),
        {"idempotency_key": "5d0c6b6e-93a4-4f43-9a5d-8a1c2f9d1e02", "reps": 8, "weight": "12.25"},
        **HTMX,
    )

    assert "Use at most 1 decimal place for lb." in response.content.decode()
    assert SetLog.objects.filter(entry=entry).count() == 1


def test_the_heaviest_pounds_allowed_are_1000_kg(client, user, logged_in_kg):
    entry = logged_in_kg["entry"]
    use_unit(user, "lb")
    url = reverse("workouts:log_set", args=[entry.pk])

    too_heavy = client.post(
        url,
        {"idempotency_key": "5d0c6b6e-93a4-4f43-9a5d-8a1c2f9d1e03", "reps": 1, "weight": "2205"},
        **HTMX,
    )
    client.post(
        url,
        {"idempotency_key": "5d0c6b6e-93a4-4f43-9a5d-8a1c2f9d1e04", "reps": 1, "weight": "2204.6"},
        **HTMX,
    )

    assert "Enter a weight from 0 to 2204.6 lb." in too_heavy.content.decode()
    assert SetLog.objects.filter(entry=entry).last().weight == Decimal("999.9897")


def test_the_weight_box_of_the_next_set_is_in_pounds(client, user, logged_in_kg):
    use_unit(user, "lb")

    html = client.get(logged_in_kg["today"].get_absolute_url()).content.decode()

    assert '<span class="visually-hidden">Weight (lb)</span>' in html
    assert '<span class="set-unit" aria-hidden="true">lb</span>' in html


def test_logging_the_prefilled_pounds_stores_the_plan_and_last_time_exactly(
    client, user, row, logged_in_kg
):
    entry = logged_in_kg["entry"]
    plan_only = SessionExerciseFactory(
        session=logged_in_kg["today"], exercise=ExerciseFactory(), planned_weight=Decimal("20")
    )
    use_unit(user, "lb")
    url = reverse("workouts:log_set", args=[entry.pk])

    # 22.5 kg, shown as 49.6 lb: logged as shown, it is 22.5 kg, not 22.4982.
    client.post(
        url,
        {"idempotency_key": "5d0c6b6e-93a4-4f43-9a5d-8a1c2f9d1e05", "reps": 10, "weight": "49.6"},
    )
    client.post(
        reverse("workouts:log_set", args=[plan_only.pk]),
        {"idempotency_key": "5d0c6b6e-93a4-4f43-9a5d-8a1c2f9d1e06", "reps": 10, "weight": "44.1"},
    )

    assert SetLog.objects.filter(entry=entry).last().weight == Decimal("22.5")
    assert SetLog.objects.get(entry=plan_only).weight == Decimal("20")
