"""Migration 0008 turns the plain equipment lists into options, on a database with content."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

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


def a_version_with_its_equipment(old, slug):
    """A history record of the movement as it is, with its equipment, in the old schema (what
    0005 gave the shipped content; a flushed test database may have none)."""
    Exercise = old.get_model("exercises", "Exercise")
    Record = old.get_model("exercises", "HistoricalExercise")
    Links = old.get_model("exercises", "HistoricalExercise_equipment")
    fields = [field.attname for field in Exercise._meta.concrete_fields]
    row = Exercise.objects.filter(slug=slug).values(*fields).get()
    record = Record.objects.create(
        history_date=timezone.now(), history_type="~", history_change_reason="test", **row
    )
    Links.objects.bulk_create(
        Links(
            id=link.id, history=record, exercise_id=link.exercise_id, equipment_id=link.equipment_id
        )
        for link in Exercise.equipment.through.objects.filter(exercise_id=row["id"])
    )
    return record.history_id


def test_the_history_carries_over_and_new_versions_still_save():
    record = a_version_with_its_equipment(migrate(BEFORE), "face-pull")
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    face_pull = Exercise.objects.get(slug="face-pull")
    carried = HistoricalExerciseEquipment.objects.filter(history_id=record)
    assert sorted(carried.values_list("equipment__slug", "option")) == [
        ("cable-machine", 1),
        ("resistance-band", 2),
        ("rope-attachment", 1),
    ]

    # New versions after the copy: on PostgreSQL a copied primary key would collide here.
    face_pull.summary = "Edited after the migration."
    face_pull.save()
    face_pull.summary = "Edited twice."
    face_pull.save()

    latest = list(face_pull.history.all()[:2])
    assert [r.summary for r in latest] == ["Edited twice.", "Edited after the migration."]
    assert [sorted(r.equipment.values_list("option", flat=True)) for r in latest] == [[1, 1, 2]] * 2
