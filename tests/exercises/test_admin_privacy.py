"""An editor deleting content never sees people's routines or sessions on the delete pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from exercises.models import Exercise
from tests.factories import (
    ExerciseFactory,
    RoutineFactory,
    RoutineItemFactory,
    ScheduledSessionFactory,
    UserFactory,
    WorkoutSessionFactory,
)

pytestmark = pytest.mark.django_db

PRIVATE_NAME = "Anna's secret shoulder plan"
PLAIN = "People use this in their own routines or sessions, so it cannot be deleted."


@pytest.fixture
def editor(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    return editor


@pytest.fixture
def used_movement():
    exercise = ExerciseFactory(name="Band row x")
    person = UserFactory(username="anna-private")
    RoutineItemFactory(routine=RoutineFactory(user=person, name=PRIVATE_NAME), exercise=exercise)
    WorkoutSessionFactory(user=person).add_exercise(exercise)
    return exercise


def test_the_delete_page_of_a_movement_in_use_names_no_ones_routine(client, editor, used_movement):
    response = client.get(reverse("admin:exercises_exercise_delete", args=[used_movement.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert PLAIN in page
    assert PRIVATE_NAME not in page and "anna-private" not in page
    assert "Session " not in page  # a session's name is its date
    # And the delete is refused.
    client.post(
        reverse("admin:exercises_exercise_delete", args=[used_movement.pk]), {"post": "yes"}
    )
    assert Exercise.objects.filter(pk=used_movement.pk).exists()


def test_the_bulk_delete_action_names_no_ones_routine(client, editor, used_movement):
    response = client.post(
        reverse("admin:exercises_exercise_changelist"),
        {"action": "delete_selected", "_selected_action": [used_movement.pk]},
    )

    page = response.content.decode()
    assert PLAIN in page
    assert PRIVATE_NAME not in page


def test_a_starter_routine_someone_planned_names_no_one(client, editor):
    starter = RoutineFactory(user=None, is_starter=True, name="Desk reset x")
    person = UserFactory(username="anna-private")
    ScheduledSessionFactory(user=person, routine=starter)

    response = client.get(reverse("admin:routines_routine_delete", args=[starter.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert PLAIN in page
    assert "anna-private" not in page and "Desk reset x from" not in page


def test_content_only_deletes_still_list_what_goes(client, editor):
    exercise = ExerciseFactory(name="Unused move x")

    response = client.get(reverse("admin:exercises_exercise_delete", args=[exercise.pk]))

    assert PLAIN not in response.content.decode()
    assert "Unused move x" in response.content.decode()
