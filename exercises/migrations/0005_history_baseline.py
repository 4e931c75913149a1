from django.db import migrations
from django.utils import timezone

REASON = "Shipped content"


def record_baseline(apps, schema_editor):
    """Give every existing content row a first history entry, so editors can restore the
    shipped version. Migrations bypass simple_history's signals, so 0002 left none."""
    now = timezone.now()
    for name in ["Equipment", "Muscle", "Guidance", "Exercise", "Step", "Target"]:
        model = apps.get_model("exercises", name)
        historical = apps.get_model("exercises", f"Historical{name}")
        fields = [field.attname for field in model._meta.concrete_fields]
        rows = model.objects.exclude(pk__in=historical.objects.values("id")).values(*fields)
        historical.objects.bulk_create(
            historical(history_date=now, history_type="+", history_change_reason=REASON, **row)
            for row in rows
        )

    through = apps.get_model("exercises", "HistoricalExercise_equipment")
    links = apps.get_model("exercises", "Exercise").equipment.through.objects.all()
    record_of = dict(
        apps.get_model("exercises", "HistoricalExercise")
        .objects.filter(history_change_reason=REASON)
        .values_list("id", "history_id")
    )
    through.objects.bulk_create(
        through(
            id=link.id,
            history_id=record_of[link.exercise_id],
            exercise_id=link.exercise_id,
            equipment_id=link.equipment_id,
        )
        for link in links
        if link.exercise_id in record_of
    )


class Migration(migrations.Migration):
    dependencies = [("exercises", "0004_content_editors_group")]

    operations = [migrations.RunPython(record_baseline, migrations.RunPython.noop)]
