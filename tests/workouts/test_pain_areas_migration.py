"""Notes written before the map had sides and a front keep their place (migration 0008)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("workouts", "0007_pain_note_areas_and_check_ins")]
AFTER = [("workouts", "0009_pain_note_location_removed")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_schema():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def notes_at(apps, places):
    user = apps.get_model("auth", "User").objects.create(username="diary")
    PainNote = apps.get_model("workouts", "PainNote")
    return [
        PainNote.objects.create(
            user=user, intensity=3, location=place, kind="ache", timing="day"
        ).pk
        for place in places
    ]


@pytest.mark.django_db(transaction=True)
def test_each_old_place_becomes_its_areas_on_the_new_map():
    old = migrate(BEFORE)
    places = ["between-shoulder-blades", "upper-back", "neck", "shoulder", "chest-ribs", "leg"]
    pks = notes_at(old, places)

    new = migrate(AFTER)

    PainNote = new.get_model("workouts", "PainNote")
    assert [PainNote.objects.get(pk=pk).areas for pk in pks] == [
        ["between-shoulder-blades"],
        ["upper-back-left", "upper-back-right"],
        ["neck"],
        ["shoulder-left", "shoulder-right"],
        ["chest-ribs-left", "chest-ribs-right"],
        ["leg-left", "leg-right"],
    ]


@pytest.mark.django_db(transaction=True)
def test_going_back_restores_the_old_place():
    pks = notes_at(migrate(BEFORE), ["lower-back", "arm"])
    migrate(AFTER)

    old = migrate(BEFORE)

    PainNote = old.get_model("workouts", "PainNote")
    assert [PainNote.objects.get(pk=pk).location for pk in pks] == ["lower-back", "arm"]
