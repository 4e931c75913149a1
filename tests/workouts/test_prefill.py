"""The next set starts from what the person did last, written as the set list writes it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Profile
from tests.factories import (
    ExerciseFactory,
    SessionExerciseFactory,
    SetLogFactory,
    WorkoutSessionFactory,
)
from tests.workouts.progress_data import finished, logged

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(db):
    return ExerciseFactory(name="Seated row")


def today_entry(user, row, **planned):
    session = WorkoutSessionFactory(user=user)
    values = {"planned_reps": 10, "planned_weight": Decimal("22.5")} | planned
    return SessionExerciseFactory(session=session, exercise=row, **values)


def page(client, user, entry):
    client.force_login(user)
    return client.get(entry.session.get_absolute_url()).content.decode()


def test_the_first_set_starts_from_last_time_when_it_was_heavier(client, user, row):
    earlier = finished(user, timezone.now() - timedelta(days=3))
    logged(earlier, row, [{"reps": 12, "weight": Decimal("25")}, {"reps": 9, "weight": 20}])
    entry = today_entry(user, row)

    html = page(client, user, entry)

    assert f'id="entry-{entry.pk}-weight" value="25"' in html
    assert f'id="entry-{entry.pk}-reps" value="12"' in html


def test_without_a_last_time_it_starts_from_the_plan_without_trailing_zeros(client, user, row):
    entry = today_entry(user, row, planned_weight=Decimal("40"))

    html = page(client, user, entry)

    assert f'id="entry-{entry.pk}-weight" value="40"' in html
    assert "40.00" not in html


def test_the_plan_fills_what_last_time_did_not_record(client, user, row):
    earlier = finished(user, timezone.now() - timedelta(days=3))
    logged(earlier, row, [{"reps": 12}])
    entry = today_entry(user, row)

    html = page(client, user, entry)

    assert f'id="entry-{entry.pk}-weight" value="22.5"' in html
    assert f'id="entry-{entry.pk}-reps" value="12"' in html


def test_a_later_set_starts_from_the_set_just_logged(client, user, row):
    earlier = finished(user, timezone.now() - timedelta(days=3))
    logged(earlier, row, [{"reps": 12, "weight": Decimal("25")}])
    entry = today_entry(user, row)
    SetLogFactory(entry=entry, reps=8, weight=Decimal("27.5"))

    html = page(client, user, entry)

    assert f'id="entry-{entry.pk}-weight" value="27.5"' in html
    assert f'id="entry-{entry.pk}-reps" value="8"' in html


def test_zero_last_time_starts_at_zero(client, user, row):
    earlier = finished(user, timezone.now() - timedelta(days=3))
    logged(earlier, row, [{"reps": 10, "weight": Decimal("0")}])
    entry = today_entry(user, row)

    html = page(client, user, entry)

    assert f'id="entry-{entry.pk}-weight" value="0"' in html


def test_it_is_in_the_persons_unit(client, user, row):
    Profile.objects.update_or_create(user=user, defaults={"weight_unit": "lb"})
    earlier = finished(user, timezone.now() - timedelta(days=3))
    logged(earlier, row, [{"reps": 10, "weight": Decimal("25")}])
    entry = today_entry(user, row)

    html = page(client, user, entry)

    assert f'id="entry-{entry.pk}-weight" value="55.1"' in html
