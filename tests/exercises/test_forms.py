import pytest

from exercises.forms import ExerciseFilterForm
from exercises.models import Exercise, Kind
from tests.factories import EquipmentFactory, ExerciseFactory, MuscleFactory

pytestmark = pytest.mark.django_db


def test_no_filters_is_valid_and_keeps_everything():
    form = ExerciseFilterForm({})

    assert form.is_valid()
    assert not form.is_filtering
    assert form.filter(Exercise.objects.all()).count() == Exercise.objects.count()


def test_choices_come_from_the_database_with_a_home_option():
    EquipmentFactory(name="Kettlebell", slug="kettlebell")
    MuscleFactory(name="Serratus", slug="serratus")

    form = ExerciseFilterForm()
    equipment = dict(form.fields["equipment"].choices)

    assert equipment["home"] == "No equipment / at home"
    assert equipment["kettlebell"] == "Kettlebell"
    assert form.fields["muscle"].valid_value("serratus")


def test_valid_filters_are_applied_together():
    bell = EquipmentFactory(name="Kettlebell", slug="kettlebell")
    wanted = ExerciseFactory(kind=Kind.STRENGTH)
    wanted.equipment.add(bell)
    ExerciseFactory(kind=Kind.MOBILITY).equipment.add(bell)

    form = ExerciseFilterForm({"kind": "strength", "equipment": "kettlebell"})

    assert form.is_valid()
    assert list(form.filter(Exercise.objects.all())) == [wanted]


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "yoga"), ("equipment", "rowing-boat"), ("level", "expert"), ("muscle", "heart")],
)
def test_unknown_values_are_reported_by_name(field, value):
    form = ExerciseFilterForm({field: value})

    assert not form.is_valid()
    assert value in form.errors[field][0]
    assert "left out" in form.errors[field][0]


def test_an_unknown_value_does_not_drop_the_valid_filters():
    strength = ExerciseFactory(kind=Kind.STRENGTH)
    ExerciseFactory(kind=Kind.MOBILITY)

    form = ExerciseFilterForm({"kind": "strength", "muscle": "heart"})
    found = form.filter(Exercise.objects.filter(name__startswith="Movement"))

    assert list(found) == [strength]


def test_the_query_string_leaves_out_empty_filters():
    form = ExerciseFilterForm({"q": "row", "kind": "", "level": "beginner"})

    assert form.query_string() == "?q=row&level=beginner"
    assert ExerciseFilterForm({"q": ""}).query_string() == ""
