"""Migration 0008 turns the plain equipment lists into options, on a database with content."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from exercises.models import Exercise, HistoricalExerciseEquipment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("exercises", "0007_image_checks")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_shipped_lists_get_their_options_and_an_editors_list_keeps_its_meaning():
    old = migrate(BEFORE)
    OldExercise = old.get_model("exercises", "Exercise")
    Equipment = old.get_model("exercises", "Equipment")
    # An editor added a pull-up bar to the row: not the shipped list any more.
    OldExercise.objects.get(slug="row").equipment.add(Equipment.objects.get(slug="pull-up-bar"))
    assert set(
        OldExercise.objects.get(slug="face-pull").equipment.values_list("slug", flat=True)
    ) == {"cable-machine", "rope-attachment", "resistance-band"}

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    shipped = Exercise.objects.with_equipment().in_bulk(field_name="slug")
    assert shipped["face-pull"].equipment_text() == (
        "Cable machine and rope attachment, or resistance band"
    )
    assert shipped["reverse-fly"].equipment_text() == "Dumbbells and incline bench"
    assert shipped["row"].equipment_text() == (
        "Cable machine, dumbbells, pull-up bar or resistance band"
    )
    assert shipped["side-bend"].equipment_text() == "None needed"


def test_the_history_carries_over_and_new_versions_still_save():
    migrate(BEFORE)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    face_pull = Exercise.objects.get(slug="face-pull")
    carried = HistoricalExerciseEquipment.objects.filter(history__id=face_pull.pk)
    assert sorted(carried.values_list("equipment__slug", "option")) == [
        ("cable-machine", 1),
        ("resistance-band", 2),
        ("rope-attachment", 1),
    ]

    # A new version after the copy: on PostgreSQL a copied primary key would collide here.
    face_pull.summary = "Edited after the migration."
    face_pull.save()
    face_pull.summary = "Edited twice."
    face_pull.save()

    assert face_pull.history.count() == 3
    assert [
        sorted(record.equipment.values_list("option", flat=True))
        for record in face_pull.history.all()
    ] == [[1, 1, 2]] * 3
