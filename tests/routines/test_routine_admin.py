"""Editors manage the starter routines in admin, and only those."""

import pytest
from django.urls import reverse

from routines.models import Routine
from tests.factories import ExerciseFactory, RoutineFactory, RoutineItemFactory, UserFactory

pytestmark = pytest.mark.django_db


def inline_data(*rows):
    data = {
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"items-{index}-{key}"] = value
    return data


def test_the_admin_lists_starters_but_never_peoples_routines(admin_client, user):
    starter = RoutineFactory(user=None, is_starter=True, name="Zz starter")
    RoutineItemFactory.create_batch(2, routine=starter)
    RoutineFactory(user=user, name="Zz private routine")

    response = admin_client.get(reverse("admin:routines_routine_changelist"), {"q": "Zz"})

    assert response.status_code == 200
    assert b"Zz starter" in response.content
    assert b"Zz private routine" not in response.content


def test_the_admin_cannot_open_a_persons_routine(admin_client, user):
    private = RoutineFactory(user=user)

    response = admin_client.get(reverse("admin:routines_routine_change", args=[private.pk]))

    assert response.status_code == 302  # admin's "does not exist" redirect


def test_adding_in_admin_makes_a_starter_with_items_in_order(admin_client):
    first, second = ExerciseFactory(), ExerciseFactory()
    item = {"sets": "2", "reps": "10", "hold_seconds": "", "weight": "", "rest_seconds": "60"}

    response = admin_client.post(
        reverse("admin:routines_routine_add"),
        {
            "name": "Zz new starter",
            "purpose": "mobility",
            "description": "For mornings.",
            **inline_data(
                {**item, "position": "7", "exercise": str(second.pk)},
                {**item, "position": "3", "exercise": str(first.pk)},
            ),
        },
    )

    assert response.status_code == 302, response.context["errors"]
    starter = Routine.objects.get(name="Zz new starter")
    assert starter.is_starter
    assert starter.user is None
    rows = list(starter.items.values_list("exercise", "position"))
    assert rows == [(first.pk, 0), (second.pk, 1)]


def test_a_content_editor_manages_starters_without_being_a_superuser(client, user):
    from django.contrib.auth.models import Group

    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    starter = RoutineFactory(user=None, is_starter=True, name="Zz editor starter")
    private = RoutineFactory(user=user, name="Zz someone's own")
    client.force_login(editor)

    listing = client.get(reverse("admin:routines_routine_changelist"), {"q": "Zz"})
    change = client.get(reverse("admin:routines_routine_change", args=[starter.pk]))
    other = client.get(reverse("admin:routines_routine_change", args=[private.pk]))

    assert listing.status_code == 200
    assert b"Zz editor starter" in listing.content
    assert b"Zz someone" not in listing.content
    assert change.status_code == 200
    assert other.status_code == 302
