"""Starter routines shipped as content, loaded once by migration 0002_starter_routines.

Each item starts from its movement's default prescription (the low end of a rep range, so a
beginner starts easy); an entry may override a field. A starter that already exists (same
name) is left alone, so an editor's changes in admin survive. Item positions count from 0,
as Routine.renumber_items keeps them.
"""

from exercises.dose import starting_dose

STARTERS = [
    {
        "name": "Daily mid-back mobility",
        "purpose": "mobility",
        "description": (
            "All seven stretches in one gentle flow, from the first cat-cow to a resting "
            "child's pose. It loosens the upper and middle back, opens the chest and eases "
            "the stiffness of long hours sitting. About fifteen minutes with a mat and a "
            "doorway, and fine to do every day."
        ),
        "items": [
            ("cat-cow", {}),
            ("thoracic-extension", {}),
            ("thread-the-needle", {}),
            ("seated-spinal-twist", {}),
            ("side-bend", {}),
            ("doorway-chest-stretch", {}),
            ("childs-pose", {}),
        ],
    },
    {
        "name": "Mid-back strength at the gym",
        "purpose": "strength",
        "description": (
            "Four pulling movements for the muscles between and below your shoulder blades, "
            "finished with back extensions for the spine. Do it two or three times a week "
            "with a rest day in between. Start light and add weight only when every rep "
            "looks good."
        ),
        "items": [
            ("wide-grip-lat-pulldown", {}),
            ("row", {}),
            ("face-pull", {}),
            ("reverse-fly", {}),
            ("back-extension", {}),
        ],
    },
    {
        "name": "Beginner at home (band and bodyweight)",
        "purpose": "mixed",
        "description": (
            "Strength and stretching for home with just a resistance band and a mat. Loosen "
            "up first, build the mid-back with band rows, band face pulls and floor back "
            "extensions, then finish with two stretches. Two or three times a week, with a "
            "rest day between."
        ),
        "items": [
            ("cat-cow", {}),
            ("thread-the-needle", {}),
            ("row", {"sets": 2}),
            ("face-pull", {"sets": 2}),
            ("back-extension", {"sets": 2}),
            ("doorway-chest-stretch", {}),
            ("childs-pose", {}),
        ],
    },
]


def load(apps, schema_editor):
    Exercise = apps.get_model("exercises", "Exercise")
    Routine = apps.get_model("routines", "Routine")
    RoutineItem = apps.get_model("routines", "RoutineItem")

    slugs = {slug for starter in STARTERS for slug, _ in starter["items"]}
    exercises = Exercise.objects.in_bulk(slugs, field_name="slug")

    for starter in STARTERS:
        routine, created = Routine.objects.get_or_create(
            name=starter["name"],
            is_starter=True,
            user=None,
            defaults={"purpose": starter["purpose"], "description": starter["description"]},
        )
        if not created:
            continue
        # A movement an editor removed from the library is skipped, not an error.
        present = [(slug, extra) for slug, extra in starter["items"] if slug in exercises]
        RoutineItem.objects.bulk_create(
            RoutineItem(
                routine=routine,
                exercise=exercises[slug],
                position=position,
                **{**starting_dose(exercises[slug]), **extra},
            )
            for position, (slug, extra) in enumerate(present)
        )
