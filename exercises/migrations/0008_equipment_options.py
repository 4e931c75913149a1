"""Equipment a movement needs together, and equipment that are alternatives.

Until now every piece listed was "any one of these will do", which made the face pull read
"cable machine or rope attachment or resistance band". Each movement now has numbered
options: the same number is needed together, different numbers are alternatives. Rows the
shipped content still matches get its options (cable machine and rope, or a band); a list an
editor changed keeps its old meaning, one option a piece. The history is carried over the
same way.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from exercises import content


def options_for(slug, slugs):
    """Option groups of equipment slugs for a movement that lists these pieces."""
    shipped = content.EQUIPMENT_OPTIONS.get(slug)
    if shipped is not None and {s for option in shipped for s in option} == set(slugs):
        return shipped
    return [[s] for s in sorted(slugs)]


def numbered(slug, pieces):
    """(piece, option number) for each piece, pieces being {slug: anything}."""
    return [
        (pieces[s], number)
        for number, option in enumerate(options_for(slug, pieces), start=1)
        for s in option
    ]


def to_options(apps, schema_editor):
    Exercise = apps.get_model("exercises", "Exercise")
    Equipment = apps.get_model("exercises", "Equipment")
    Link = apps.get_model("exercises", "ExerciseEquipment")
    OldHistory = apps.get_model("exercises", "HistoricalExercise_equipment")
    NewHistory = apps.get_model("exercises", "HistoricalExerciseEquipment")
    slug_of = dict(Equipment.objects.values_list("id", "slug"))

    links = []
    for exercise in Exercise.objects.prefetch_related("equipment"):
        pieces = {e.slug: e.id for e in exercise.equipment.all()}
        links += [
            Link(exercise_id=exercise.id, equipment_id=piece, option=number)
            for piece, number in numbered(exercise.slug, pieces)
        ]
    Link.objects.bulk_create(links)

    # The primary key (m2m_history_id) is left to the database: copying it would leave
    # PostgreSQL's sequence behind and the next saved version would collide.
    by_record = {}
    for row in OldHistory.objects.select_related("history").order_by("m2m_history_id"):
        by_record.setdefault(row.history, []).append(row)
    rows = []
    for record, old_rows in by_record.items():
        pieces = {slug_of.get(row.equipment_id, str(row.equipment_id)): row for row in old_rows}
        rows += [
            NewHistory(
                id=row.id,
                history_id=record.history_id,
                exercise_id=row.exercise_id,
                equipment_id=row.equipment_id,
                option=number,
            )
            for row, number in numbered(record.slug, pieces)
        ]
    NewHistory.objects.bulk_create(rows)


def to_plain_list(apps, schema_editor):
    Link = apps.get_model("exercises", "ExerciseEquipment")
    Exercise = apps.get_model("exercises", "Exercise")
    OldHistory = apps.get_model("exercises", "HistoricalExercise_equipment")
    NewHistory = apps.get_model("exercises", "HistoricalExerciseEquipment")
    Exercise.equipment.through.objects.bulk_create(
        Exercise.equipment.through(exercise_id=link.exercise_id, equipment_id=link.equipment_id)
        for link in Link.objects.all()
    )
    OldHistory.objects.bulk_create(
        OldHistory(
            id=row.id,
            history_id=row.history_id,
            exercise_id=row.exercise_id,
            equipment_id=row.equipment_id,
        )
        for row in NewHistory.objects.all()
    )


def let_editors_change_options(apps, schema_editor):
    # As in 0004: permissions are made after all migrations, so make them now.
    config = apps.get_app_config("exercises")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name="Content editors").first()
    if group is not None:
        mine = Permission.objects.filter(content_type__app_label="exercises")
        group.permissions.add(
            *mine.filter(content_type__model="exerciseequipment"),
            *mine.filter(
                content_type__model="historicalexerciseequipment", codename__startswith="view_"
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("exercises", "0007_image_checks")]

    operations = [
        migrations.CreateModel(
            name="ExerciseEquipment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "option",
                    models.PositiveSmallIntegerField(
                        default=1,
                        help_text="Same number: needed together. Different numbers: alternatives, any one will do.",
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="option",
                    ),
                ),
                (
                    "equipment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="exercise_links",
                        to="exercises.equipment",
                        verbose_name="equipment",
                    ),
                ),
                (
                    "exercise",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="equipment_links",
                        to="exercises.exercise",
                    ),
                ),
            ],
            options={
                "verbose_name": "equipment needed",
                "verbose_name_plural": "equipment needed",
                "ordering": ["option", "equipment__name"],
            },
        ),
        migrations.AddConstraint(
            model_name="exerciseequipment",
            constraint=models.UniqueConstraint(
                fields=("exercise", "equipment"), name="exercise_equipment_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="exerciseequipment",
            constraint=models.CheckConstraint(
                condition=models.Q(("option__gte", 1)), name="exercise_equipment_option_positive"
            ),
        ),
        migrations.CreateModel(
            name="HistoricalExerciseEquipment",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "option",
                    models.PositiveSmallIntegerField(
                        default=1,
                        help_text="Same number: needed together. Different numbers: alternatives, any one will do.",
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="option",
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "equipment",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="exercises.equipment",
                        verbose_name="equipment",
                    ),
                ),
                (
                    "exercise",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="exercises.exercise",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="exercises.historicalexercise",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalExerciseEquipment",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(to_options, to_plain_list),
        migrations.RemoveField(model_name="exercise", name="equipment"),
        migrations.AddField(
            model_name="exercise",
            name="equipment",
            field=models.ManyToManyField(
                blank=True,
                related_name="exercises",
                through="exercises.ExerciseEquipment",
                to="exercises.equipment",
                verbose_name="equipment",
            ),
        ),
        migrations.DeleteModel(
            name="HistoricalExercise_equipment",
        ),
        migrations.RunPython(let_editors_change_options, migrations.RunPython.noop),
    ]
