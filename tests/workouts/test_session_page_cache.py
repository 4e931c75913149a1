"""The session page's cards are cached HTML: every change that shows on them shows at once."""

import re
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from tests.factories import ExerciseFactory, SessionExerciseFactory, WorkoutSessionFactory
from workouts.models import ProgressionTarget, WorkoutSession

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def entry(user):
    return SessionExerciseFactory(
        session=WorkoutSessionFactory(user=user),
        exercise=ExerciseFactory(name="Zz Row", kind="strength"),
        planned_sets=3,
        planned_reps=10,
        planned_weight=Decimal(20),
    )


def page(client, entry):
    return client.get(entry.session.get_absolute_url()).content.decode()


def keys(html):
    return re.findall(r'name="idempotency_key" value="([^"]*)"', html)


def test_every_response_gets_its_own_keys_and_a_working_csrf_token(user, entry):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    first, second = page(client, entry), page(client, entry)
    assert len(keys(first)) > 3
    for key in keys(first) + keys(second):
        uuid.UUID(key)  # a real key, no placeholder left
    assert len(set(keys(first) + keys(second))) == len(keys(first) + keys(second))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', second).group(1)
    set_key = re.search(
        r'class="set-form".*?name="idempotency_key" value="([^"]+)"', second, re.S
    ).group(1)
    response = client.post(
        reverse("workouts:log_set", args=[entry.pk]),
        {"csrfmiddlewaretoken": token, "idempotency_key": set_key, "reps": 9, "weight": "20"},
    )
    assert response.status_code == 302
    assert entry.sets.get().reps == 9


def test_a_logged_set_shows_on_the_next_view(client, user, entry):
    client.force_login(user)
    assert "is-logged" not in page(client, entry)
    client.post(
        reverse("workouts:log_set", args=[entry.pk]),
        {"idempotency_key": uuid.uuid4(), "reps": 0, "weight": "20"},
        **HTMX,
    )
    assert "0 reps × 20 kg" in page(client, entry)  # 0 is a value


def test_an_applied_suggestion_shows_in_the_prefill_at_once(client, user, entry):
    client.force_login(user)
    assert f'id="entry-{entry.pk}-weight" value="20"' in page(client, entry)
    ProgressionTarget.apply(user, entry.exercise, Decimal("22.5"))
    assert f'id="entry-{entry.pk}-weight" value="22.5"' in page(client, entry)


def test_a_change_of_unit_shows_at_once(client, user, entry):
    client.force_login(user)
    assert f'id="entry-{entry.pk}-weight" value="20"' in page(client, entry)
    Profile.objects.filter(user=user).update(weight_unit="lb")
    assert f'id="entry-{entry.pk}-weight" value="44.1"' in page(client, entry)


def test_a_renamed_movement_shows_at_once(client, user, entry):
    client.force_login(user)
    assert "Zz Row" in page(client, entry)
    entry.exercise.name = "Zz Seated row"
    entry.exercise.save()
    assert "Zz Seated row" in page(client, entry)


def test_a_skip_shows_on_the_next_view(client, user, entry):
    client.force_login(user)
    page(client, entry)
    client.post(reverse("workouts:skip", args=[entry.pk]), {"reason": "pain"}, **HTMX)
    assert 'class="card entry entry-skipped"' in page(client, entry)


def test_someone_elses_cached_page_is_still_a_404(client, user, other_user, entry):
    client.force_login(user)
    page(client, entry)
    client.force_login(other_user)
    assert client.get(entry.session.get_absolute_url()).status_code == 404


def test_the_finish_form_counts_the_minutes_so_far(client, user, entry):
    client.force_login(user)
    WorkoutSession.objects.filter(pk=entry.session_id).update(
        started_at=timezone.now() - timedelta(minutes=5)
    )
    assert 'name="minutes" value="5"' in page(client, entry)
    WorkoutSession.objects.filter(pk=entry.session_id).update(
        started_at=timezone.now() - timedelta(minutes=20)
    )
    assert 'name="minutes" value="20"' in page(client, entry)
