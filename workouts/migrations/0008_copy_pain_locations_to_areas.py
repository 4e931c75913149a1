from django.db import migrations

# The map before it had sides and a front; a place it did not say the side of keeps both sides.
# A copy of workouts.body_map.FORMER_LOCATIONS as it was when this migration was written.
FORMER_LOCATIONS = {
    "between-shoulder-blades": ["between-shoulder-blades"],
    "upper-back": ["upper-back-left", "upper-back-right"],
    "lower-back": ["lower-back-left", "lower-back-right"],
    "neck": ["neck"],
    "shoulder": ["shoulder-left", "shoulder-right"],
    "chest-ribs": ["chest-ribs-left", "chest-ribs-right"],
    "arm": ["arm-left", "arm-right"],
    "leg": ["leg-left", "leg-right"],
}
# Areas the old map did not have, for going back: the nearest old place.
NEAREST = {"mid-back": "between-shoulder-blades", "hip": "lower-back"}


def copy_locations(apps, schema_editor):
    PainNote = apps.get_model("workouts", "PainNote")
    for location, areas in FORMER_LOCATIONS.items():
        PainNote.objects.filter(location=location).update(areas=areas)


def copy_back(apps, schema_editor):
    PainNote = apps.get_model("workouts", "PainNote")
    for note in PainNote.objects.only("areas").iterator():
        region = note.areas[0].removesuffix("-left").removesuffix("-right")
        PainNote.objects.filter(pk=note.pk).update(location=NEAREST.get(region, region))


class Migration(migrations.Migration):
    dependencies = [
        ("workouts", "0007_pain_note_areas_and_check_ins"),
    ]

    operations = [migrations.RunPython(copy_locations, copy_back)]
