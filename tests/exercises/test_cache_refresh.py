"""Every way library content changes shows on the public pages at once, despite the cache."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from exercises.models import Exercise, Step
from tests.exercises.test_admin import change_form_data
from tests.factories import EquipmentFactory, ExerciseFactory, StepFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def row():
    row = ExerciseFactory(name="Band row", slug="band-row", summary="Later words.")
    StepFactory(exercise=row, position=1, text="Hold the band.")
    return row


@pytest.fixture
def editor_client():
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    editor_client = Client()
    editor_client.force_login(editor)
    return editor_client


def public_page(client, row):
    return client.get(row.get_absolute_url()).content.decode()


def test_a_revert_from_the_history_shows_at_once(client, editor_client, row):
    first = row.history.first()
    row.summary = "Newest words."
    row.save()
    assert "Newest words." in public_page(client, row)  # now cached

    url = reverse("admin:exercises_exercise_simple_history", args=[row.pk, first.pk])
    response = editor_client.post(url, change_form_data(row, summary="Later words."))

    assert response.status_code == 302
    page = public_page(client, row)
    assert "Later words." in page and "Newest words." not in page


def test_a_bulk_update_shows_at_once(client, row):
    assert "Later words." in public_page(client, row)

    Exercise.objects.filter(pk=row.pk).update(summary="Bulk words.")

    assert "Bulk words." in public_page(client, row)


def test_editing_a_step_or_the_equipment_shows_at_once(client, row):
    assert "Hold the band." in public_page(client, row)

    Step.objects.filter(exercise=row).update(text="Grip the band.")
    assert "Grip the band." in public_page(client, row)

    row.equipment.add(EquipmentFactory(name="Door anchor x"))
    assert "Door anchor x" in public_page(client, row)


def test_loading_a_fixture_shows_at_once(client, row, tmp_path):
    assert "Later words." in public_page(client, row)
    fixture = tmp_path / "row.json"
    call_command("dumpdata", "exercises.exercise", f"--pks={row.pk}", output=str(fixture))
    data = json.loads(fixture.read_text())
    data[0]["fields"]["summary"] = "Fixture words."
    fixture.write_text(json.dumps(data))

    call_command("loaddata", str(fixture), verbosity=0)

    assert "Fixture words." in public_page(client, row)


def test_deleting_a_step_shows_at_once(client, row):
    assert "Hold the band." in public_page(client, row)

    row.steps.get().delete()

    assert "Hold the band." not in public_page(client, row)
