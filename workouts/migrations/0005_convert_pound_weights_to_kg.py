"""Weights used to be stored in whatever unit the person had chosen; now they are kg only.

People who chose pounds had their numbers stored as pounds: convert those. (Anyone who
switched units kept numbers typed in the old unit, relabelled; there is no telling them apart,
so the current unit is the best guess.)
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations

KG_PER_LB = Decimal("0.45359237")
STORED = Decimal("0.0001")


def _convert(rows, field, factor):
    changed = []
    for row in rows.exclude(**{f"{field}__isnull": True}).iterator(chunk_size=1000):
        value = getattr(row, field) * factor
        setattr(row, field, value.quantize(STORED, rounding=ROUND_HALF_UP))
        changed.append(row)
    rows.model.objects.bulk_update(changed, [field], batch_size=1000)


def _pound_users(apps):
    Profile = apps.get_model("accounts", "Profile")
    return Profile.objects.filter(weight_unit="lb").values("user_id")


def convert(apps, factor):
    users = _pound_users(apps)
    RoutineItem = apps.get_model("routines", "RoutineItem")
    SessionExercise = apps.get_model("workouts", "SessionExercise")
    SetLog = apps.get_model("workouts", "SetLog")
    _convert(RoutineItem.objects.filter(routine__user__in=users), "weight", factor)
    _convert(SessionExercise.objects.filter(session__user__in=users), "planned_weight", factor)
    _convert(SetLog.objects.filter(entry__session__user__in=users), "weight", factor)


def pounds_to_kg(apps, schema_editor):
    convert(apps, KG_PER_LB)


def kg_to_pounds(apps, schema_editor):
    convert(apps, 1 / KG_PER_LB)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_weekly_target_range"),
        ("routines", "0005_weights_stored_in_kg"),
        ("workouts", "0004_weights_stored_in_kg"),
    ]

    operations = [migrations.RunPython(pounds_to_kg, kg_to_pounds)]
